import { describe, expect, it } from 'vitest';
import type { AttributeDeclaration, AttributeType } from '../attribute-declaration-schema';
import type { AttributeValues } from '../attribute-values-schema';
import { elementOutcomeSchema } from '../element-outcome-schema';
import { testContext } from '../test-context';
import type { ValidationContext } from '../validation-context';
import { conditionsElement } from './index';
import { conditionsAttributeRefs, conditionsPorts, runConditions, validateConditions } from './run';
import { conditionsSchema, type Condition, type Conditions, type ConditionsRule } from './schema';

const types: Record<string, AttributeType> = {
  customerType: 'text',
  language: 'text',
  orderValue: 'number',
  since: 'date',
  vip: 'boolean',
  items: 'list',
  phone: 'phone',
  profile: 'json',
  threshold: 'number',
};
const declarations: Record<string, AttributeDeclaration> = Object.fromEntries(
  Object.entries(types).map(([name, type]) => [name, { name, type, scope: 'session' }]),
);

function element(...conditions: Condition[]): Conditions {
  return { id: 'check', type: 'conditions', conditions };
}

function condition(id: string, rules: ConditionsRule[], extra: Partial<Condition> = {}): Condition {
  return { id, name: id, rules, ...extra };
}

/** The port a single-rule condition takes with these attribute values. */
function portFor(rule: ConditionsRule, attributes: AttributeValues): string {
  const outcome = runConditions(element(condition('c', [rule])), testContext({ attributes, declarations }));
  return outcome.kind === 'continue' ? outcome.port : outcome.kind;
}

function holds(rule: ConditionsRule, attributes: AttributeValues): boolean {
  return portFor(rule, attributes) === 'condition:c';
}

const validationContext = (overrides: Partial<ValidationContext> = {}): ValidationContext => ({
  declarations,
  dialogs: [],
  components: [],
  isInbound: () => false,
  scope: { kind: 'bot' },
  ...overrides,
});

describe('conditions run', () => {
  it('takes the first condition that holds, in order, and otherwise else', () => {
    const conditions = element(
      condition('premium', [{ attribute: 'customerType', operator: 'equal', value: 'premium' }]),
      condition('big', [{ attribute: 'orderValue', operator: 'greater-than', value: '100' }]),
      condition('any', [{ attribute: 'orderValue', operator: 'is-not-empty' }]),
    );
    const port = (attributes: AttributeValues): unknown => {
      const outcome = runConditions(conditions, testContext({ attributes, declarations }));
      expect(elementOutcomeSchema.safeParse(outcome).success).toBe(true);
      expect(outcome.effects).toEqual([]);
      expect(outcome.attributes).toEqual({});
      return outcome.kind === 'continue' && outcome.port;
    };
    expect(port({ customerType: 'Premium', orderValue: 500 })).toBe('condition:premium');
    expect(port({ customerType: 'basic', orderValue: 500 })).toBe('condition:big');
    expect(port({ customerType: 'basic', orderValue: 50 })).toBe('condition:any');
    expect(port({})).toBe('else');
  });

  it('compares text case-insensitively: equal, not-equal, contains, not-contains, starts-with, ends-with, empty', () => {
    const attributes = { customerType: 'Premium Gold' };
    expect(holds({ attribute: 'customerType', operator: 'equal', value: 'premium gold' }, attributes)).toBe(true);
    expect(holds({ attribute: 'customerType', operator: 'not-equal', value: 'premium' }, attributes)).toBe(true);
    expect(holds({ attribute: 'customerType', operator: 'contains', value: 'GOLD' }, attributes)).toBe(true);
    expect(holds({ attribute: 'customerType', operator: 'not-contains', value: 'silver' }, attributes)).toBe(true);
    expect(holds({ attribute: 'customerType', operator: 'starts-with', value: 'prem' }, attributes)).toBe(true);
    expect(holds({ attribute: 'customerType', operator: 'ends-with', value: 'gold' }, attributes)).toBe(true);
    expect(holds({ attribute: 'customerType', operator: 'ends-with', value: 'prem' }, attributes)).toBe(false);
    expect(holds({ attribute: 'customerType', operator: 'is-empty' }, {})).toBe(true);
    expect(holds({ attribute: 'customerType', operator: 'is-empty' }, { customerType: '  ' })).toBe(true);
    expect(holds({ attribute: 'customerType', operator: 'is-not-empty' }, attributes)).toBe(true);
  });

  it('compares numbers as numbers (10 > 9), with every ordering operator', () => {
    const attributes = { orderValue: 10 };
    expect(holds({ attribute: 'orderValue', operator: 'greater-than', value: '9' }, attributes)).toBe(true);
    expect(holds({ attribute: 'orderValue', operator: 'less-than', value: '9' }, attributes)).toBe(false);
    expect(holds({ attribute: 'orderValue', operator: 'greater-or-equal', value: '10' }, attributes)).toBe(true);
    expect(holds({ attribute: 'orderValue', operator: 'less-or-equal', value: '10.0' }, attributes)).toBe(true);
    expect(holds({ attribute: 'orderValue', operator: 'equal', value: '10' }, attributes)).toBe(true);
    expect(holds({ attribute: 'orderValue', operator: 'not-equal', value: '10' }, attributes)).toBe(false);
    expect(holds({ attribute: 'orderValue', operator: 'greater-than', value: '1' }, {})).toBe(false);
  });

  it('compares dates by instant, or by day when one side is date-only', () => {
    expect(holds({ attribute: 'since', operator: 'less-than', value: '2024-06-01' }, { since: '2024-05-31T23:00:00Z' })).toBe(true);
    expect(holds({ attribute: 'since', operator: 'equal', value: '2024-05-31' }, { since: '2024-05-31T23:00:00Z' })).toBe(true);
    expect(holds({ attribute: 'since', operator: 'greater-than', value: '2024-05-31T22:00:00+02:00' }, { since: '2024-05-31T21:00:00Z' })).toBe(true);
  });

  it('compares booleans as yes/no values', () => {
    expect(holds({ attribute: 'vip', operator: 'equal', value: 'true' }, { vip: true })).toBe(true);
    expect(holds({ attribute: 'vip', operator: 'equal', value: 'yes' }, { vip: true })).toBe(true);
    expect(holds({ attribute: 'vip', operator: 'not-equal', value: 'true' }, { vip: false })).toBe(true);
    expect(holds({ attribute: 'vip', operator: 'is-empty' }, { vip: false })).toBe(false);
  });

  it('compares lists by element', () => {
    const attributes = { items: ['Tea', 'Cake'] };
    expect(holds({ attribute: 'items', operator: 'contains', value: 'cake' }, attributes)).toBe(true);
    expect(holds({ attribute: 'items', operator: 'not-contains', value: 'pie' }, attributes)).toBe(true);
    expect(holds({ attribute: 'items', operator: 'starts-with', value: 'tea' }, attributes)).toBe(true);
    expect(holds({ attribute: 'items', operator: 'equal', value: '["tea","cake"]' }, attributes)).toBe(true);
    expect(holds({ attribute: 'items', operator: 'is-empty' }, { items: [] })).toBe(true);
  });

  it('reads an undeclared attribute as text', () => {
    const outcome = runConditions(
      element(condition('c', [{ attribute: 'loose', operator: 'equal', value: 'x' }])),
      testContext({ attributes: { loose: 'X' } }),
    );
    expect(outcome).toMatchObject({ kind: 'continue', port: 'condition:c' });
  });

  it('fills placeholders in values before comparing', () => {
    expect(holds({ attribute: 'orderValue', operator: 'greater-than', value: '{{threshold}}' }, { orderValue: 10, threshold: 5 })).toBe(true);
    expect(holds({ attribute: 'orderValue', operator: 'greater-than', value: '{{threshold}}' }, { orderValue: 10, threshold: 50 })).toBe(false);
  });

  it('joins rules with match: all (AND, the default) or any (OR)', () => {
    const en: ConditionsRule = { attribute: 'language', operator: 'equal', value: 'en' };
    const enUs: ConditionsRule = { attribute: 'language', operator: 'equal', value: 'en-US' };
    const or = element(condition('en', [en, enUs], { match: 'any' }));
    const and = element(condition('both', [{ attribute: 'orderValue', operator: 'greater-than', value: '100' }, { attribute: 'customerType', operator: 'equal', value: 'premium' }]));
    const run = (conditions: Conditions, attributes: AttributeValues): unknown => runConditions(conditions, testContext({ attributes, declarations }));
    expect(run(or, { language: 'en-US' })).toMatchObject({ port: 'condition:en' });
    expect(run(or, { language: 'de' })).toMatchObject({ port: 'else' });
    expect(run(and, { orderValue: 150, customerType: 'premium' })).toMatchObject({ port: 'condition:both' });
    expect(run(and, { orderValue: 150, customerType: 'basic' })).toMatchObject({ port: 'else' });
  });

  it('mixes AND and OR with groups: (a AND b) OR c', () => {
    const mixed = element(
      condition('mixed', [{ attribute: 'vip', operator: 'equal', value: 'true' }], {
        match: 'any',
        groups: [{ match: 'all', rules: [{ attribute: 'orderValue', operator: 'greater-than', value: '100' }, { attribute: 'customerType', operator: 'equal', value: 'premium' }] }],
      }),
    );
    const port = (attributes: AttributeValues): unknown => {
      const outcome = runConditions(mixed, testContext({ attributes, declarations }));
      return outcome.kind === 'continue' && outcome.port;
    };
    expect(port({ vip: true })).toBe('condition:mixed');
    expect(port({ vip: false, orderValue: 150, customerType: 'premium' })).toBe('condition:mixed');
    expect(port({ vip: false, orderValue: 150, customerType: 'basic' })).toBe('else');
    expect(port({ vip: false, orderValue: 50, customerType: 'premium' })).toBe('else');
  });

  it('draws no random numbers', () => {
    let draws = 0;
    runConditions(element(condition('c', [{ attribute: 'vip', operator: 'is-empty' }])), testContext({ random: () => (draws += 1) }));
    expect(draws).toBe(0);
  });
});

describe('conditions ports and refs', () => {
  const conditions = element(
    condition('premium', [{ attribute: 'customerType', operator: 'equal', value: 'premium' }]),
    condition('big', [{ attribute: 'orderValue', operator: 'greater-than', value: '{{threshold}}' }], {
      groups: [{ rules: [{ attribute: 'vip', operator: 'is-empty' }] }],
    }),
  );

  it('has one port per condition id, in order, then else', () => {
    expect(conditionsPorts(conditions)).toEqual(['condition:premium', 'condition:big', 'else']);
    expect(conditionsElement.ports(conditions)).toEqual(['condition:premium', 'condition:big', 'else']);
  });

  it('allows at most one Conditions element per dialog', () => {
    expect(conditionsElement.maxPerDialog).toBe(1);
  });

  it("reports each rule's attribute as a field read and placeholders in values", () => {
    expect(conditionsAttributeRefs(conditions)).toEqual([
      { name: 'customerType', access: 'read', path: ['conditions', 0, 'rules', 0, 'attribute'], valuePath: [], via: 'field' },
      { name: 'orderValue', access: 'read', path: ['conditions', 1, 'rules', 0, 'attribute'], valuePath: [], via: 'field' },
      { name: 'threshold', access: 'read', path: ['conditions', 1, 'rules', 0, 'value'], valuePath: [] },
      { name: 'vip', access: 'read', path: ['conditions', 1, 'groups', 0, 'rules', 0, 'attribute'], valuePath: [], via: 'field' },
    ]);
  });
});

describe('conditions validate', () => {
  const issuesOf = (...rules: ConditionsRule[]): { field: string; rule: string; severity?: string }[] =>
    validateConditions(element(condition('c', rules)), validationContext()).map(({ field, rule, severity }) => ({ field, rule, ...(severity === undefined ? {} : { severity }) }));

  it('accepts well-typed rules', () => {
    expect(
      issuesOf(
        { attribute: 'orderValue', operator: 'greater-or-equal', value: '1,5' },
        { attribute: 'since', operator: 'less-than', value: '2024-05-31' },
        { attribute: 'vip', operator: 'equal', value: 'no' },
        { attribute: 'customerType', operator: 'greater-than', value: '10' },
        { attribute: 'items', operator: 'contains', value: 'tea' },
        { attribute: 'phone', operator: 'starts-with', value: '+44' },
        { attribute: 'phone', operator: 'equal', value: '+1 415 555 2671' },
        { attribute: 'orderValue', operator: 'equal', value: '{{threshold}}' },
        { attribute: 'ghost', operator: 'greater-than', value: 'x' },
      ),
    ).toEqual([]);
  });

  it('refuses operators that do not apply to the type', () => {
    expect(issuesOf({ attribute: 'vip', operator: 'greater-than', value: '1' }, { attribute: 'orderValue', operator: 'contains', value: '1' })).toEqual([
      { field: 'conditions[0].rules[0].operator', rule: 'operator-not-applicable' },
      { field: 'conditions[0].rules[1].operator', rule: 'operator-not-applicable' },
    ]);
  });

  it('requires a value for comparing operators and warns about ignored ones', () => {
    expect(
      issuesOf(
        { attribute: 'orderValue', operator: 'less-than' },
        { attribute: 'customerType', operator: 'equal', value: ' ' },
        { attribute: 'customerType', operator: 'is-empty', value: 'x' },
      ),
    ).toEqual([
      { field: 'conditions[0].rules[0].value', rule: 'value-required' },
      { field: 'conditions[0].rules[1].value', rule: 'value-required' },
      { field: 'conditions[0].rules[2].value', rule: 'value-ignored', severity: 'warning' },
    ]);
  });

  it('refuses values that cannot be read as the type', () => {
    expect(
      issuesOf(
        { attribute: 'orderValue', operator: 'equal', value: 'abc' },
        { attribute: 'since', operator: 'greater-than', value: 'yesterday' },
        { attribute: 'since', operator: 'equal', value: '2023-02-29' },
        { attribute: 'vip', operator: 'equal', value: 'maybe' },
        { attribute: 'customerType', operator: 'less-than', value: 'abc' },
        { attribute: 'phone', operator: 'equal', value: '555' },
        { attribute: 'phone', operator: 'contains', value: 'abc' },
        { attribute: 'items', operator: 'equal', value: 'tea' },
      ).map(({ field, rule }) => `${field} ${rule}`),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((index) => `conditions[0].rules[${index}].value invalid-value`));
  });

  it('names the rule inside a group', () => {
    const issues = validateConditions(
      element(condition('c', [], { groups: [{ rules: [{ attribute: 'vip', operator: 'is-empty' }, { attribute: 'orderValue', operator: 'equal', value: 'x' }] }] })),
      validationContext(),
    );
    expect(issues.map((issue) => issue.field)).toEqual(['conditions[0].groups[0].rules[1].value']);
    expect(issues[0]?.message).toContain('not a number');
  });

  it('warns about duplicate condition names', () => {
    const issues = validateConditions(
      element(condition('a', [{ attribute: 'vip', operator: 'is-empty' }], { name: 'Same' }), condition('b', [{ attribute: 'vip', operator: 'is-empty' }], { name: 'same ' })),
      validationContext(),
    );
    expect(issues).toEqual([expect.objectContaining({ field: 'conditions[1].name', rule: 'duplicate-name', severity: 'warning' })]);
  });
});

describe('conditions schema', () => {
  const rule: ConditionsRule = { attribute: 'vip', operator: 'is-empty' };
  const base = element(condition('c', [rule]));
  const issues = (value: unknown): string[] => {
    const parsed = conditionsSchema.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };
  const ok = (value: unknown): boolean => conditionsSchema.safeParse(value).success;
  /** A raw (unchecked) element with one condition holding `rules`. */
  const withRules = (rules: unknown[]): unknown => ({ ...base, conditions: [{ id: 'c', name: 'c', rules }] });

  it('accepts 1–10 conditions and refuses 0 or 11, naming the field', () => {
    expect(ok(base)).toBe(true);
    expect(ok(element(...Array.from({ length: 10 }, (_, index) => condition(`c${index}`, [rule]))))).toBe(true);
    expect(issues(element())).toEqual([expect.stringMatching(/^conditions: /)]);
    expect(issues(element(...Array.from({ length: 11 }, (_, index) => condition(`c${index}`, [rule]))))).toEqual([expect.stringMatching(/^conditions: Too big/)]);
  });

  it('accepts 1–10 rules per condition, counting the rules of groups', () => {
    const rules = (count: number): ConditionsRule[] => Array.from({ length: count }, () => rule);
    expect(ok(element(condition('c', rules(10))))).toBe(true);
    expect(issues(element(condition('c', rules(11))))).toEqual([expect.stringMatching(/^conditions\.0\.rules: Too big/)]);
    expect(issues(element(condition('c', [])))).toEqual(['conditions.0.rules: a condition needs at least one rule']);
    expect(ok(element(condition('c', [], { groups: [{ rules: rules(5) }, { rules: rules(5) }] })))).toBe(true);
    expect(issues(element(condition('c', rules(1), { groups: [{ rules: rules(5) }, { rules: rules(5) }] })))).toEqual([
      "conditions.0.rules: a condition has at most 10 rules in all (its own and its groups'); this one has 11",
    ]);
    expect(issues(element(condition('c', rules(1), { groups: [{ rules: [] }] })))).toEqual([expect.stringMatching(/^conditions\.0\.groups\.0\.rules: Too small/)]);
  });

  it('checks ids (unique, port-safe, at most 48 characters) and names (1–100, not blank, not "Else")', () => {
    expect(issues(element(condition('c', [rule]), condition('c', [rule])))).toEqual(['conditions.1.id: the condition id "c" is used twice']);
    expect(ok(element(condition('x'.repeat(48), [rule])))).toBe(true);
    expect(ok(element(condition('x'.repeat(49), [rule])))).toBe(false);
    expect(ok(element(condition('has space', [rule])))).toBe(false);
    expect(ok(element(condition('c', [rule], { name: 'n'.repeat(100) })))).toBe(true);
    expect(issues(element(condition('c', [rule], { name: 'n'.repeat(101) })))).toEqual([expect.stringMatching(/^conditions\.0\.name: Too big/)]);
    expect(issues(element(condition('c', [rule], { name: '' })))).toEqual([expect.stringMatching(/^conditions\.0\.name: Too small/)]);
    expect(issues(element(condition('c', [rule], { name: '   ' })))).toEqual(['conditions.0.name: a condition name must not be blank']);
    expect(issues(element(condition('c', [rule], { name: ' else ' })))).toEqual(['conditions.0.name: the name "Else" belongs to the built-in Else branch']);
  });

  it('checks rules: the 12 operators, attribute names, values up to 1000 characters, no unknown fields', () => {
    for (const operator of ['equal', 'not-equal', 'contains', 'not-contains', 'starts-with', 'ends-with', 'is-empty', 'is-not-empty', 'greater-than', 'less-than', 'greater-or-equal', 'less-or-equal']) {
      expect(ok(withRules([{ attribute: 'a', operator, value: '1' }]))).toBe(true);
    }
    expect(issues(withRules([{ attribute: 'a', operator: 'is', value: '1' }]))).toEqual([expect.stringMatching(/^conditions\.0\.rules\.0\.operator: /)]);
    expect(ok(element(condition('c', [{ attribute: 'not valid', operator: 'is-empty' }])))).toBe(false);
    expect(ok(element(condition('c', [{ attribute: 'a', operator: 'equal', value: 'v'.repeat(1000) }])))).toBe(true);
    expect(issues(element(condition('c', [{ attribute: 'a', operator: 'equal', value: 'v'.repeat(1001) }])))).toEqual([expect.stringMatching(/^conditions\.0\.rules\.0\.value: Too big/)]);
    expect(ok({ ...base, conditions: [{ ...condition('c', [rule]), match: 'either' }] })).toBe(false);
    expect(ok(withRules([{ ...rule, extra: 1 }]))).toBe(false);
    expect(ok({ ...base, else: 'x' })).toBe(false);
  });

  it('describes every field for the editor forms', () => {
    const json = JSON.stringify(conditionsSchema.toJSONSchema({ io: 'input' }));
    for (const fragment of ['Conditions in evaluation order', 'Stable condition id', 'Branch name', 'Rules of the condition', 'Groups of rules', 'Declared or built-in attribute', 'is-not-empty', 'Value to compare with', 'every entry must hold']) {
      expect(json).toContain(fragment);
    }
  });
});
