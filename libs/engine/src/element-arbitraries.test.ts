import { elementSchema, elementTypes, type Element, type ElementType } from '@parley/elements';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * What a generated element may reference so that the generated flow stays valid:
 * declared attributes by type, and ids of dialogs and components that exist.
 */
export type ArbitraryEnv = {
  /** Declared attributes: text 'a', number 'b', json 'order' (see step.property.test.ts). */
  readonly attributes: { readonly text: 'a'; readonly number: 'b'; readonly json: 'order' };
  /** Dialogs of the bot (goto / fallback targets). */
  readonly dialogIds: readonly [string, ...string[]];
  /** Components embedded in the flow (each with input 'in' text and output 'out' text). */
  readonly componentIds: readonly string[];
  /** True when generating a component's dialogs. */
  readonly inComponent: boolean;
};

export const textArbitrary = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z ,.!?]{0,39}$/),
  fc.constantFrom('Hi {{a}}!', '{{order.items.0.name}} x{{order.count}}', 'You said {{ lastReceivedMessage }}', '{{b}}{{a}}{{order}}'),
);

/**
 * One generator per element type, for the property test's random flows: a new element
 * type fails the type check here until it has one (add one line). Generated configs must
 * pass validateFlow in a flow declaring the attributes of ArbitraryEnv.
 */
export const elementArbitraries = {
  'send-message': (id) =>
    fc
      .record(
        {
          text: textArbitrary,
          variations: fc.array(textArbitrary, { maxLength: 3 }),
          buttons: fc.uniqueArray(fc.record({ label: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ]{0,19}$/) }), { maxLength: 10, selector: (button) => button.label.trim().toLowerCase() }),
        },
        { requiredKeys: ['text'] },
      )
      .map((config): Element => ({ id, type: 'send-message', ...config })),
  'user-response': (id, env) =>
    fc
      .record(
        {
          saveAs: fc.constantFrom('a', 'b', 'order'),
          timeoutSeconds: fc.integer({ min: 15, max: 14400 }),
          keywords: fc.subarray([{ id: 'yes', text: 'Yes' }, { id: 'no', text: 'No' }, { id: 'k3', text: '42' }, { id: 'agent', text: 'talk to an agent' }]),
          nlp: fc.boolean(),
          repeat: fc.integer({ min: 0, max: 3 }),
          repeatMessage: fc.record({ text: textArbitrary, variations: fc.array(textArbitrary, { maxLength: 2 }) }, { requiredKeys: ['text'] }),
          fallback: fc.constantFrom({ action: { type: 'port' } }, { message: { text: 'Sorry {{a}}' }, action: { type: 'dialog', dialogId: env.dialogIds[0] } }, { action: { type: 'end' } }),
        },
        { requiredKeys: [] },
      )
      .map((config): Element => elementSchema.parse({ id, type: 'user-response', ...config })),
  'save-user-response': (id, env) =>
    fc
      .record(
        {
          target: fc.constantFrom<object>(
            { saveAs: 'a' },
            { saveAs: 'b' },
            { saveAs: 'order' },
            { saveAs: 'a', validation: { type: 'email' } },
            { saveAs: 'a', validation: { type: 'phone' } },
            { saveAs: 'order', validation: { type: 'url' } },
            { saveAs: 'b', validation: { type: 'regex', pattern: '^\\d{1,3}$' } },
          ),
          skipIfCollected: fc.boolean(),
          message: fc.record({ text: textArbitrary, variations: fc.array(textArbitrary, { maxLength: 2 }) }, { requiredKeys: ['text'] }),
          repeat: fc.integer({ min: 0, max: 3 }),
          repeatMessage: fc.record({ text: textArbitrary }),
          fallback: fc.constantFrom({ action: { type: 'port' } }, { message: { text: 'Sorry {{a}}' }, action: { type: 'dialog', dialogId: env.dialogIds[0] } }, { action: { type: 'end' } }),
          timeoutSeconds: fc.integer({ min: 15, max: 14400 }),
          linkPreview: fc.boolean(),
        },
        { requiredKeys: ['target'] },
      )
      .map(({ target, ...config }): Element => elementSchema.parse({ id, type: 'save-user-response', ...target, ...config })),
  // At most one Conditions element per dialog (maxPerDialog): only a dialog's first element
  // (id ending in "e0") is one; elsewhere a harmless stand-in.
  conditions: (id) =>
    !id.endsWith('e0')
      ? fc.constant<Element>({ id, type: 'delay', seconds: 1 })
      : fc
          .uniqueArray(
            fc.constantFrom(
              { id: 'hi', name: 'Says hi', rules: [{ attribute: 'a', operator: 'contains', value: 'hi' }] },
              { id: 'big', name: 'Big', match: 'any', rules: [{ attribute: 'b', operator: 'greater-than', value: '10' }, { attribute: 'a', operator: 'is-empty' }] },
              { id: 'mixed', name: 'Mixed', match: 'any', rules: [{ attribute: 'order', operator: 'is-not-empty' }], groups: [{ match: 'all', rules: [{ attribute: 'b', operator: 'less-or-equal', value: '{{b}}' }, { attribute: 'lastReceivedMessage', operator: 'equal', value: 'yes' }] }] },
            ),
            { minLength: 1, maxLength: 3, selector: (condition) => condition.id },
          )
          .map((conditions): Element => elementSchema.parse({ id, type: 'conditions', conditions })),
  'close-session': (id) => fc.constant<Element>({ id, type: 'close-session' }),
  'to-dialog': (id, env) =>
    fc
      .record({
        dialogId: fc.constantFrom(...env.dialogIds),
        shareAttributes: fc.array(fc.constantFrom({ from: 'a', to: 'a' }, { from: 'b', to: 'a' }, { from: 'order', to: 'order' }), { maxLength: 2 }),
      })
      .map((config): Element => ({ id, type: 'to-dialog', ...config })),
  delay: (id) => fc.integer({ min: 1, max: 30 }).map((seconds): Element => ({ id, type: 'delay', seconds })),
  component: (id, env) =>
    env.componentIds.length === 0
      ? fc.constant<Element>({ id, type: 'delay', seconds: 1 })
      : fc
          .record({
            componentId: fc.constantFrom(...env.componentIds),
            inputs: fc.boolean().map((on) => (on ? [{ from: 'a', to: 'in' }] : [])),
            outputs: fc.boolean().map((on) => (on ? [{ from: 'out', to: 'a' }] : [])),
          })
          .map((config): Element => ({ id, type: 'component', ...config })),
  // Only valid inside components; in bot dialogs generate a harmless stand-in.
  'component-return': (id, env) => fc.constant<Element>(env.inComponent ? { id, type: 'component-return' } : { id, type: 'close-session' }),
  'conversation-tags': (id) =>
    fc.uniqueArray(fc.constantFrom('billing', 'sales', 'VIP customer'), { minLength: 1, maxLength: 3 }).map((tags): Element => ({ id, type: 'conversation-tags', tags })),
  'to-agent': (id) =>
    fc
      .record(
        { queue: fc.constantFrom('Billing', 'Support'), message: textArbitrary, tags: fc.uniqueArray(fc.constantFrom('billing', 'vip'), { maxLength: 2 }) },
        { requiredKeys: [] },
      )
      .map((config): Element => ({ id, type: 'to-agent', ...config })),
  'csat-survey': (id) =>
    fc
      .record(
        {
          scale: fc.constantFrom('1-2', '1-5', '1-10', 'emoji'),
          question: textArbitrary,
          repeat: fc.integer({ min: 1, max: 3 }),
          fallbackMessage: textArbitrary,
          feedback: fc.option(fc.constant({ feedbackQuestion: 'Why?', saveFeedbackAs: 'a' }), { nil: undefined }),
          thankYouMessage: textArbitrary,
          saveScoreAs: fc.constant('b'),
        },
        { requiredKeys: ['scale', 'question', 'repeat', 'fallbackMessage'] },
      )
      .map(({ feedback, ...config }): Element => ({ id, type: 'csat-survey', ...config, ...feedback })),
  'customer-profiles-event': (id) =>
    fc
      .record({
        contactType: fc.constantFrom('phone', 'email', 'external-id'),
        properties: fc.subarray([
          { attribute: 'b', property: 'count' },
          { attribute: 'order', property: 'order' },
        ]),
      })
      .map((config): Element => ({ id, type: 'customer-profiles-event', contactAttribute: 'a', event: 'order_tracked', ...config })),
  'customer-profiles-profile': (id) =>
    fc
      .record({
        action: fc.constantFrom('get', 'create-or-update'),
        mappings: fc.subarray<{ attribute: string; field: 'firstName' | { custom: string; type: 'number' } }>([
          { attribute: 'a', field: 'firstName' },
          { attribute: 'b', field: { custom: 'visits', type: 'number' } },
        ]),
      })
      .map((config): Element => ({ id, type: 'customer-profiles-profile', contactAttribute: 'endUserDestination', ...config })),
  'customer-profiles-tags': (id) =>
    fc
      .constantFrom<{ action: 'add' | 'remove' | 'get'; saveResultAs?: string }>({ action: 'add' }, { action: 'remove' }, { action: 'get', saveResultAs: 'a' })
      .map((config): Element => ({ id, type: 'customer-profiles-tags', contactAttribute: 'endUserDestination', tags: ['vip'], ...config })),
  api: (id) =>
    fc
      .record({
        request: fc.constantFrom(
          { method: 'GET', contentType: 'none' },
          { method: 'POST', contentType: 'json', body: { type: 'key-value', pairs: [{ key: 'name', value: '{{a}}' }, { key: 'n', value: '{{b}}' }] } },
          { method: 'PUT', contentType: 'url-encoded', body: { type: 'key-value', pairs: [{ key: 'q', value: '{{a}}' }] } },
          { method: 'PATCH', contentType: 'xml', body: { type: 'editor', text: '<r>{{a}}</r>' } },
        ),
        escapeUrlParameters: fc.boolean(),
        timeoutSeconds: fc.integer({ min: 1, max: 60 }),
        retries: fc.integer({ min: 0, max: 3 }),
        fallback: fc.constantFrom(undefined, { action: { type: 'port' } }, { message: { text: 'Sorry {{a}}' }, action: { type: 'end' } }),
      })
      .map(({ request, ...config }): Element =>
        elementSchema.parse({
          id,
          type: 'api',
          url: 'https://api.example.com/items/{{a}}',
          ...request,
          ...config,
          response: { saveStatusCodeAs: 'b', body: [{ attribute: 'order', path: 'data' }] },
        }),
      ),
  authentication: (id) =>
    fc
      .constantFrom('access_token', undefined)
      .map((tokenPath): Element => elementSchema.parse({ id, type: 'authentication', url: 'https://auth.example.com/token', saveAs: 'a', tokenPath })),
  webhook: (id) =>
    fc
      .record({ method: fc.constantFrom('POST', 'PUT'), sessionIdParameter: fc.constantFrom(undefined, 'sessionId'), body: fc.constantFrom(undefined, '{"a": "{{a}}", "b": {{b}}}') })
      .map((config): Element => elementSchema.parse({ id, type: 'webhook', url: 'https://hooks.example.com/in', saveStatusCodeAs: 'b', ...config })),
  code: (id) =>
    fc
      .constantFrom("attributeApi.set('b', 1);", "attributeApi.set('a', String(attributeApi.get('b')));")
      .map((code): Element => elementSchema.parse({ id, type: 'code', code })),
} satisfies { [T in ElementType]: (id: string, env: ArbitraryEnv) => fc.Arbitrary<Element> };

describe('element arbitraries', () => {
  it('exist for every element type and generate schema-valid elements', () => {
    const env: ArbitraryEnv = { attributes: { text: 'a', number: 'b', json: 'order' }, dialogIds: ['d0'], componentIds: ['c0'], inComponent: false };
    for (const type of elementTypes) {
      for (const element of fc.sample(elementArbitraries[type]('x', env), 20)) {
        expect(elementSchema.safeParse(element).error).toBeUndefined();
      }
    }
  });
});
