import { z } from 'zod';
import { elementBaseSchema } from '../element-base-schema';
import { conditionMatchSchema, conditionOperatorSchema, conditionRuleSchema } from '../matching/condition-rule-schema';

/** Spec limits: at most 10 conditions per element, at most 10 rules per condition. */
export const maxConditions = 10;
export const maxRulesPerCondition = 10;

/** The built-in Else branch: its port; its name cannot be given to a condition. */
export const elsePort = 'else';

/**
 * Id of a condition: 1–48 letters, digits, "_" or "-". It names the condition's output
 * port (`condition:<id>`), so renaming or reordering keeps the canvas edges; 48 keeps the
 * port name within the 64 characters of a port id.
 */
export const conditionIdSchema = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "_" and "-" only')
  .meta({ description: 'Stable condition id (1–48 letters, digits, "_" or "-"); names the output port "condition:<id>".', editor: 'hidden' });

/** Output port of condition `id`. */
export function conditionPort(id: string): string {
  return `condition:${id}`;
}

/** One rule: `attribute` `operator` `value`, compared by the attribute's declared type (evaluateRule). */
export const conditionsRuleSchema = conditionRuleSchema.extend({
  attribute: conditionRuleSchema.shape.attribute.meta({ description: 'Declared or built-in attribute to test.', title: 'Attribute', editor: 'attribute' }),
  operator: conditionOperatorSchema.meta({
    description:
      'equal, not-equal, contains, not-contains, starts-with, ends-with, is-empty, is-not-empty, greater-than, less-than, greater-or-equal, less-or-equal (which apply depends on the attribute type).',
    title: 'Operator',
  }),
  value: conditionRuleSchema.shape.value.meta({
    description: 'Value to compare with, read as the attribute type (e.g. 100, 2024-05-31, true); placeholders allowed. Not used by is-empty / is-not-empty.',
    title: 'Value',
  }),
});
export type ConditionsRule = z.infer<typeof conditionsRuleSchema>;

const matchSchema = conditionMatchSchema.meta({
  description: '"all": every entry must hold (AND, the default); "any": one is enough (OR).',
  title: 'Match',
  optionLabels: { all: 'AND: all must hold', any: 'OR: one is enough' },
});

/** A group of rules joined by its own AND/OR, itself one entry of its condition. */
export const conditionsGroupSchema = z.strictObject({
  match: matchSchema.optional(),
  rules: z.array(conditionsRuleSchema).min(1).max(maxRulesPerCondition).meta({ description: 'Rules of the group, 1–10.', title: 'Rules', itemTitle: 'Rule' }),
});
export type ConditionsGroup = z.infer<typeof conditionsGroupSchema>;

/**
 * One condition (one branch). Its entries are its rules and then its groups, joined by
 * `match`: "(a AND b) OR c" is `{ match: 'any', rules: [c], groups: [{ match: 'all', rules: [a, b] }] }`.
 * At least 1 and at most 10 rules in all (own and groups' together).
 */
export const conditionSchema = z
  .strictObject({
    id: conditionIdSchema,
    name: z
      .string()
      .min(1, { abort: true })
      .max(100)
      .refine((name) => name.trim() !== '', 'a condition name must not be blank')
      .refine((name) => name.trim().toLowerCase() !== elsePort, 'the name "Else" belongs to the built-in Else branch')
      .meta({ description: 'Branch name shown on the canvas, 1–100 characters (not "Else").', title: 'Condition name' }),
    match: matchSchema.optional(),
    rules: z
      .array(conditionsRuleSchema)
      .max(maxRulesPerCondition)
      .meta({ description: `Rules of the condition (with those of its groups: 1–${maxRulesPerCondition} in all).`, title: 'Rules', itemTitle: 'Rule' }),
    groups: z
      .array(conditionsGroupSchema)
      .max(maxRulesPerCondition)
      .optional()
      .meta({ description: 'Groups of rules with their own AND/OR, for mixed logic such as (a AND b) OR c.', title: 'Groups', itemTitle: 'Group' }),
  })
  .superRefine((condition, context) => {
    const total = condition.rules.length + (condition.groups ?? []).reduce((sum, group) => sum + group.rules.length, 0);
    if (total === 0) {
      context.addIssue({ code: 'too_small', origin: 'array', minimum: 1, inclusive: true, path: ['rules'], message: 'a condition needs at least one rule' });
    } else if (total > maxRulesPerCondition) {
      context.addIssue({
        code: 'custom',
        path: ['rules'],
        message: `a condition has at most ${maxRulesPerCondition} rules in all (its own and its groups'); this one has ${total}`,
      });
    }
  });
export type Condition = z.infer<typeof conditionSchema>;

/**
 * Conditions: evaluates its conditions in order and leaves through the port of the first
 * one that holds (`condition:<id>`), else through the built-in 'else' port.
 */
export const conditionsSchema = elementBaseSchema
  .extend({
    type: z.literal('conditions'),
    conditions: z
      .array(conditionSchema)
      .min(1)
      .max(maxConditions)
      .superRefine((conditions, context) => {
        const ids = new Set<string>();
        conditions.forEach((condition, index) => {
          if (ids.has(condition.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `the condition id "${condition.id}" is used twice` });
          ids.add(condition.id);
        });
      })
      .meta({
        description: `Conditions in evaluation order, 1–${maxConditions}; the first that holds is taken, else the Else branch.`,
        title: 'Conditions',
        editor: 'conditions',
        itemTitle: 'Condition',
      }),
  })
  .meta({ title: 'Conditions' });
export type Conditions = z.infer<typeof conditionsSchema>;
