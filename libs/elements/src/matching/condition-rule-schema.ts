import { z } from 'zod';
import { attributeNameSchema } from '../attribute-declaration-schema';

/** The Conditions element's 12 operators (spec: Equal to … Less than or equal to). */
export const conditionOperatorSchema = z
  .enum([
    'equal',
    'not-equal',
    'contains',
    'not-contains',
    'starts-with',
    'ends-with',
    'is-empty',
    'is-not-empty',
    'greater-than',
    'less-than',
    'greater-or-equal',
    'less-or-equal',
  ])
  .meta({
    optionLabels: {
      equal: 'Equal to',
      'not-equal': 'Not equal to',
      contains: 'Contains',
      'not-contains': 'Does not contain',
      'starts-with': 'Starts with',
      'ends-with': 'Ends with',
      'is-empty': 'Is empty',
      'is-not-empty': 'Is not empty',
      'greater-than': 'Greater than',
      'less-than': 'Less than',
      'greater-or-equal': 'Greater than or equal to',
      'less-or-equal': 'Less than or equal to',
    },
  });
export type ConditionOperator = z.infer<typeof conditionOperatorSchema>;

/** How a group combines its rules: all must hold (AND) or any may (OR). */
export const conditionMatchSchema = z.enum(['all', 'any']);
export type ConditionMatch = z.infer<typeof conditionMatchSchema>;

/**
 * One rule: compares an attribute with a value. `value` is text as the author typed it
 * (placeholders already rendered by the caller); is-empty / is-not-empty ignore it.
 */
export const conditionRuleSchema = z.strictObject({
  attribute: attributeNameSchema,
  operator: conditionOperatorSchema,
  value: z.string().max(1000).optional(),
});
export type ConditionRule = z.infer<typeof conditionRuleSchema>;

/**
 * Rules combined with AND or OR; a group may nest groups, so one condition can mix
 * them ("A and (B or C)"). Spec limit: 10 rules per condition (enforced by the element).
 */
export const conditionGroupSchema = z.strictObject({
  match: conditionMatchSchema,
  get rules(): z.ZodArray<z.ZodUnion<[typeof conditionRuleSchema, typeof conditionGroupSchema]>> {
    return z.array(z.union([conditionRuleSchema, conditionGroupSchema]));
  },
});
export type ConditionGroup = z.infer<typeof conditionGroupSchema>;
