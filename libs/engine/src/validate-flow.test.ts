import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoFlow } from './demo-flow';
import type { FlowIssue } from './flow-issue-schema';
import { parseFlow } from './parse-flow';
import { validateFlow } from './validate-flow';

/** A fresh, valid copy of the demo flow as plain JSON, to break on purpose. */
function demo(): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(demoFlow));
  return copy;
}

// Tiny editors for plain JSON documents, addressed like issue paths: 'dialogs[0].elements[2].text'.
type Segment = string | number;
function segments(path: string): Segment[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] === undefined ? (match[1] ?? '') : Number(match[2])));
}
function get(document: unknown, path: string): unknown {
  return segments(path).reduce<unknown>((current, segment) => Reflect.get(Object(current), segment), document);
}
function set(document: unknown, path: string, value: unknown): void {
  const all = segments(path);
  Reflect.set(Object(get(document, all.slice(0, -1).join('.'))), all.at(-1) ?? '', value);
}
function remove(document: unknown, path: string): void {
  const all = segments(path);
  Reflect.deleteProperty(Object(get(document, all.slice(0, -1).join('.'))), all.at(-1) ?? '');
}
function push(document: unknown, path: string, ...values: unknown[]): void {
  const target = get(document, path);
  if (!Array.isArray(target)) throw new Error(`${path} is not an array`);
  target.push(...values);
}

function only(issues: FlowIssue[], rule: string): FlowIssue[] {
  return issues.filter((issue) => issue.rule === rule);
}

describe('validateFlow: schema errors name the field', () => {
  it('accepts the demo flow', () => {
    expect(validateFlow(demo())).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('reports a text over 4096 characters at the element and field', () => {
    const flow = demo();
    set(flow, 'dialogs[0].elements[2].text', 'x'.repeat(4097));
    const result = validateFlow(flow);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'dialogs[0].elements[2].text',
        dialogId: 'main',
        elementId: 'welcome',
        field: 'text',
        rule: 'too-long',
        message: '`text` must be at most 4096 characters long.',
      },
    ]);
  });

  it('reports missing, misspelt and mistyped fields', () => {
    const flow = demo();
    remove(flow, 'dialogs[0].elements[0].text');
    set(flow, 'dialogs[0].elements[0].txt', 'Hi');
    set(flow, 'dialogs[0].elements[1].timeoutSeconds', 5);
    set(flow, 'dialogs[0].elements[4].buttons', [{ label: 'ok' }, { label: 'x'.repeat(21) }]);
    set(flow, 'settings.sessionTimeoutSeconds', 'long');
    const summary = validateFlow(flow).errors.map(({ path, elementId, field, rule }) => ({ path, elementId, field, rule }));
    expect(summary).toEqual([
      { path: 'dialogs[0].elements[0].text', elementId: 'greet', field: 'text', rule: 'required' },
      { path: 'dialogs[0].elements[0].txt', elementId: 'greet', field: 'txt', rule: 'unknown-field' },
      { path: 'dialogs[0].elements[1].timeoutSeconds', elementId: 'ask-name', field: 'timeoutSeconds', rule: 'too-small' },
      { path: 'dialogs[0].elements[4].buttons[1].label', elementId: 'echo', field: 'buttons[1].label', rule: 'too-long' },
      { path: 'settings.sessionTimeoutSeconds', elementId: undefined, field: 'settings.sessionTimeoutSeconds', rule: 'invalid-type' },
    ]);
  });

  it('reports an unknown element type at its type field', () => {
    const flow = demo();
    set(flow, 'dialogs[0].elements[5].type', 'teleport');
    const [error] = validateFlow(flow).errors;
    expect(error).toMatchObject({ path: 'dialogs[0].elements[5].type', elementId: 'close', field: 'type', rule: 'unknown-element-type' });
    expect(error?.message).toContain('send-message, user-response');
    expect(error?.message).toContain('close-session');
    expect(error?.message).toContain('"teleport"');
  });

  it('names the edge of an edge error', () => {
    const flow = demo();
    remove(flow, 'dialogs[0].edges[1].to');
    expect(validateFlow(flow).errors).toContainEqual(
      expect.objectContaining({ path: 'dialogs[0].edges[1].to', dialogId: 'main', edgeId: 'e2', field: 'to', rule: 'required' }),
    );
  });

  it('reports attribute declaration problems', () => {
    const flow = demo();
    push(flow, 'attributes', { name: 'due', type: 'datetime', scope: 'session' }, { name: '1st', type: 'text', scope: 'session' });
    const summary = validateFlow(flow).errors.map(({ path, rule }) => ({ path, rule }));
    expect(summary).toEqual([
      { path: 'attributes[2].type', rule: 'invalid-value' },
      { path: 'attributes[3].name', rule: 'invalid-format' },
    ]);
  });

  it('rejects other versions and non-documents without throwing', () => {
    const future = demo();
    set(future, 'version', 2);
    expect(validateFlow(future).errors).toEqual([
      expect.objectContaining({ path: 'version', rule: 'unsupported-version' }),
    ]);
    for (const input of [null, undefined, 42, 'flow', [], {}]) {
      const result = validateFlow(input);
      expect(result.ok).toBe(false);
      expect(result.errors.length).toBeGreaterThan(0);
    }
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        has() {
          throw new Error('trap');
        },
      },
    );
    expect(validateFlow(hostile).ok).toBe(false);
  });

  it('never throws and never accepts garbage (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validateFlow(input);
        return result.ok === false && result.errors.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateFlow: graph rules', () => {
  it('reports duplicate ids of dialogs, elements (across dialogs) and edges', () => {
    const flow = demo();
    push(flow, 'dialogs', {
      id: 'main',
      name: 'Copy',
      startElementId: 'greet',
      elements: [{ id: 'greet', type: 'close-session' }],
      edges: [{ id: 'e1', from: 'greet', to: 'greet' }],
    });
    const result = validateFlow(flow);
    expect(only(result.errors, 'duplicate-id').map((issue) => issue.path)).toEqual([
      'dialogs[1].id',
      'dialogs[1].elements[0].id',
      'dialogs[1].edges[0].id',
    ]);
  });

  it('reports an unknown entry dialog and start element', () => {
    const flow = demo();
    set(flow, 'entryDialogId', 'nope');
    set(flow, 'dialogs[0].startElementId', 'missing');
    const result = validateFlow(flow);
    expect(only(result.errors, 'unknown-entry-dialog')).toEqual([expect.objectContaining({ path: 'entryDialogId', field: 'entryDialogId' })]);
    expect(only(result.errors, 'unknown-start-element')).toEqual([
      expect.objectContaining({ path: 'dialogs[0].startElementId', dialogId: 'main', field: 'startElementId' }),
    ]);
  });

  it('reports dangling edges, including edges into another dialog', () => {
    const flow = demo();
    push(flow, 'dialogs', { id: 'other', name: 'Other', startElementId: 'far', elements: [{ id: 'far', type: 'close-session' }], edges: [] });
    set(flow, 'dialogs[0].edges', [
      ...(demoFlow.dialogs[0]?.edges ?? []).filter((edge) => edge.id !== 'e5'),
      { id: 'x1', from: 'ghost', to: 'greet' },
      { id: 'x2', from: 'echo', port: 'next', to: 'far' },
    ]);
    const dangling = only(validateFlow(flow).errors, 'dangling-edge');
    expect(dangling.map(({ path, edgeId, field }) => ({ path, edgeId, field }))).toEqual([
      { path: 'dialogs[0].edges[4].from', edgeId: 'x1', field: 'from' },
      { path: 'dialogs[0].edges[5].to', edgeId: 'x2', field: 'to' },
    ]);
    expect(dangling[1]?.message).toContain('dialog "other"');
  });

  it('reports edges from ports an element does not have, and two edges from one port', () => {
    const flow = demo();
    push(flow, 'dialogs[0].edges', 
      { id: 'x1', from: 'ask-name', port: 'timeout', to: 'greet' },
      { id: 'x2', from: 'close', to: 'greet' },
      { id: 'x3', from: 'greet', port: 'next', to: 'echo' },
    );
    const errors = validateFlow(flow).errors;
    expect(only(errors, 'unknown-port').map((issue) => issue.path)).toEqual(['dialogs[0].edges[5].port', 'dialogs[0].edges[6].port']);
    expect(only(errors, 'unknown-port')[0]?.message).toContain('its ports: next');
    expect(only(errors, 'duplicate-port-edge').map((issue) => issue.path)).toEqual(['dialogs[0].edges[7]']);

    set(flow, 'dialogs[0].edges[5].port', 'fallback');
    set(flow, 'dialogs[0].elements[1].fallback', { action: { type: 'port' } }); // now ask-name has a 'fallback' port
    expect(only(validateFlow(flow).errors, 'unknown-port').map((issue) => issue.path)).toEqual(['dialogs[0].edges[6].port']);
  });

  it('reports placeholders and saveAs naming undeclared attributes, at the field', () => {
    const flow = demo();
    set(flow, 'attributes', demoFlow.attributes.filter((attribute) => attribute.name !== 'question'));
    set(flow, 'dialogs[0].elements[2].variations', ['Hello {{name}}', 'Hey {{nickname}} / {{lastReceivedMessage}}']);
    const errors = validateFlow(flow).errors;
    expect(errors.map(({ path, elementId, field, rule }) => ({ path, elementId, field, rule }))).toEqual([
      { path: 'dialogs[0].elements[2].variations[1]', elementId: 'welcome', field: 'variations[1]', rule: 'undeclared-placeholder' },
      { path: 'dialogs[0].elements[3].saveAs', elementId: 'ask-question', field: 'saveAs', rule: 'undeclared-attribute' },
      { path: 'dialogs[0].elements[4].text', elementId: 'echo', field: 'text', rule: 'undeclared-placeholder' },
    ]);
    expect(errors[0]?.message).toContain('{{nickname}}');
  });

  it('keeps built-in attributes read-only and undeclarable', () => {
    const flow = demo();
    push(flow, 'attributes', { name: 'lastReceivedMessage', type: 'text', scope: 'session' });
    set(flow, 'dialogs[0].elements[1].saveAs', 'lastReceivedMessage');
    expect(only(validateFlow(flow).errors, 'reserved-attribute').map((issue) => issue.path)).toEqual([
      'attributes[2].name',
      'dialogs[0].elements[1].saveAs',
    ]);
    const twice = demo();
    push(twice, 'attributes', { name: 'name', type: 'number', scope: 'person' });
    expect(only(validateFlow(twice).errors, 'duplicate-attribute').map((issue) => issue.path)).toEqual(['attributes[2].name']);
  });

  it('warns about unreachable elements and paths into scalar attributes', () => {
    const flow = demo();
    push(flow, 'dialogs[0].elements', { id: 'island', type: 'send-message', text: '{{name.first}}' });
    const result = validateFlow(flow);
    expect(result.ok).toBe(true);
    expect(result.warnings.map(({ path, rule }) => ({ path, rule }))).toEqual([
      { path: 'dialogs[0].elements[6].text', rule: 'placeholder-path-on-scalar' },
      { path: 'dialogs[0].elements[6]', rule: 'unreachable-element' },
    ]);
  });

  it('still checks the graph when a field elsewhere is invalid', () => {
    const flow = demo();
    set(flow, 'dialogs[0].elements[0].text', '');
    set(flow, 'dialogs[0].edges[0].to', 'nowhere');
    const rules = validateFlow(flow).errors.map((issue) => issue.rule);
    expect(rules).toEqual(['too-short', 'dangling-edge']);
  });
});

describe('validateFlow: dialogs, fallbacks, components and element hooks', () => {
  const main = (elements: unknown[], edges: unknown[] = []) => ({ id: 'main', name: 'Main', startElementId: 'first', elements, edges });
  const base = (extra: Record<string, unknown>, elements: unknown[], edges: unknown[] = []): Record<string, unknown> => ({
    version: 1,
    attributes: [
      { name: 'name', type: 'text', scope: 'session' },
      { name: 'age', type: 'number', scope: 'session' },
      { name: 'data', type: 'json', scope: 'session' },
    ],
    entryDialogId: 'main',
    dialogs: [main(elements, edges), { id: 'other', name: 'Other', startElementId: 'o1', elements: [{ id: 'o1', type: 'close-session' }], edges: [] }],
    ...extra,
  });
  const summary = (issues: FlowIssue[]) => issues.map(({ path, rule }) => ({ path, rule }));

  it('checks To Dialog targets and shared attribute types through the element hook, at the field', () => {
    const flow = base({}, [
      {
        id: 'first',
        type: 'to-dialog',
        dialogId: 'nowhere',
        shareAttributes: [
          { from: 'name', to: 'data' },
          { from: 'name', to: 'age' },
          { from: 'ghost', to: 'name' },
        ],
      },
    ]);
    const result = validateFlow(flow);
    expect(summary(result.errors)).toEqual([
      { path: 'dialogs[0].elements[0].shareAttributes[2].from', rule: 'undeclared-attribute' },
      { path: 'dialogs[0].elements[0].dialogId', rule: 'unknown-dialog' },
      { path: 'dialogs[0].elements[0].shareAttributes[1]', rule: 'type-mismatch' },
    ]);
    expect(result.errors[2]).toMatchObject({ dialogId: 'main', elementId: 'first', field: 'shareAttributes[1]' });
    expect(summary(result.warnings)).toEqual([{ path: 'dialogs[1]', rule: 'unreachable-dialog' }]);
  });

  it('treats dialogs named by To Dialog, fallbacks and the special roles as reachable', () => {
    const linked = base({}, [{ id: 'first', type: 'to-dialog', dialogId: 'other' }]);
    expect(validateFlow(linked)).toEqual({ ok: true, errors: [], warnings: [] });
    const byRole = base({ sessionExpireDialogId: 'other' }, [{ id: 'first', type: 'close-session' }]);
    expect(validateFlow(byRole).warnings).toEqual([]);
    const byFallback = base({ settings: { fallback: { action: { type: 'dialog', dialogId: 'other' } } } }, [{ id: 'first', type: 'close-session' }]);
    expect(validateFlow(byFallback).warnings).toEqual([]);
    const byElementFallback = base({}, [{ id: 'first', type: 'user-response', fallback: { action: { type: 'dialog', dialogId: 'other' } } }]);
    expect(validateFlow(byElementFallback)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('reports unknown dialogs of the roles, the default fallback and element fallbacks', () => {
    const flow = base(
      {
        defaultDialogId: 'd1',
        sessionExpireDialogId: 'd2',
        settings: { fallback: { message: { text: 'Sorry {{nobody}}' }, action: { type: 'dialog', dialogId: 'd3' } } },
      },
      [{ id: 'first', type: 'user-response', fallback: { action: { type: 'dialog', dialogId: 'd4' } } }],
    );
    expect(summary(validateFlow(flow).errors)).toEqual([
      { path: 'dialogs[0].elements[0].fallback.action.dialogId', rule: 'unknown-dialog' },
      { path: 'defaultDialogId', rule: 'unknown-default-dialog' },
      { path: 'sessionExpireDialogId', rule: 'unknown-session-expire-dialog' },
      { path: 'settings.fallback.action.dialogId', rule: 'unknown-dialog' },
      { path: 'settings.fallback.message.text', rule: 'undeclared-placeholder' },
    ]);
    const portDefault = base({ settings: { fallback: { action: { type: 'port' } } } }, [{ id: 'first', type: 'close-session' }]);
    expect(summary(validateFlow(portDefault).errors)).toEqual([{ path: 'settings.fallback.action.type', rule: 'invalid-value' }]);
  });

  it('allows at most one Conditions element per dialog', () => {
    const conditions = (id: string) => ({
      id,
      type: 'conditions',
      conditions: [{ id: 'c1', name: 'Adult', rules: [{ attribute: 'age', operator: 'greater-or-equal', value: '18' }] }],
    });
    const flow = base({}, [conditions('first'), conditions('second')], [{ id: 'x', from: 'first', port: 'else', to: 'second' }]);
    const errors = only(validateFlow(flow).errors, 'too-many-per-dialog');
    expect(errors).toEqual([expect.objectContaining({ path: 'dialogs[0].elements[1]', elementId: 'second', message: 'At most one Conditions element per dialog.' })]);
  });

  it('checks attribute defaults against their types', () => {
    const flow = base({ attributes: [{ name: 'age', type: 'number', scope: 'session', defaultValue: 'old' }, { name: 'ok', type: 'boolean', scope: 'person', defaultValue: 'yes' }] }, [
      { id: 'first', type: 'close-session' },
    ]);
    expect(summary(validateFlow(flow).errors)).toEqual([{ path: 'attributes[0].defaultValue', rule: 'invalid-default' }]);
  });

  it('checks components: their own scope, Component mappings, and Component return placement', () => {
    const component = {
      id: 'comp',
      version: 2,
      name: 'Comp',
      inputs: [{ name: 'in', type: 'number', scope: 'session' }],
      outputs: [{ name: 'out', type: 'text', scope: 'session' }],
      attributes: [{ name: 'in', type: 'text', scope: 'session' }],
      entryDialogId: 'k',
      dialogs: [
        {
          id: 'k',
          name: 'K',
          startElementId: 'k1',
          elements: [
            { id: 'k1', type: 'send-message', text: '{{in}} {{name}}' },
            { id: 'k2', type: 'component-return' },
          ],
          edges: [{ id: 'ke', from: 'k1', to: 'k2' }],
        },
      ],
    };
    const flow = base({ components: [component] }, [
      {
        id: 'first',
        type: 'component',
        componentId: 'comp',
        inputs: [
          { from: 'name', to: 'in' },
          { from: 'age', to: 'nope' },
        ],
        outputs: [{ from: 'missing', to: 'name' }, { from: 'out', to: 'age' }],
      },
      { id: 'second', type: 'component', componentId: 'ghost' },
      { id: 'third', type: 'component-return' },
    ], [{ id: 'x1', from: 'first', to: 'second' }, { id: 'x2', from: 'second', to: 'third' }]);
    const errors = validateFlow(flow).errors;
    expect(summary(errors)).toEqual([
      { path: 'dialogs[0].elements[0].inputs[0]', rule: 'type-mismatch' },
      { path: 'dialogs[0].elements[0].inputs[1].to', rule: 'unknown-component-input' },
      { path: 'dialogs[0].elements[0].outputs[0].from', rule: 'unknown-component-output' },
      { path: 'dialogs[0].elements[0].outputs[1]', rule: 'type-mismatch' },
      { path: 'dialogs[0].elements[1].componentId', rule: 'unknown-component' },
      { path: 'dialogs[0].elements[2]', rule: 'return-outside-component' },
      { path: 'components[0].attributes[0].name', rule: 'duplicate-attribute' },
      { path: 'components[0].dialogs[0].elements[0].text', rule: 'undeclared-placeholder' },
    ]);
    expect(errors.at(-1)).toMatchObject({ componentId: 'comp', dialogId: 'k', elementId: 'k1', field: 'text' });
  });

  it('reports schema errors inside components with the component id', () => {
    const flow = base(
      { components: [{ id: 'comp', version: 1, name: 'C', inputs: [], outputs: [], attributes: [], entryDialogId: 'k', dialogs: [{ id: 'k', name: 'K', startElementId: 'k1', elements: [{ id: 'k1', type: 'delay', seconds: 31 }], edges: [] }] }] },
      [{ id: 'first', type: 'close-session' }],
    );
    expect(validateFlow(flow).errors).toEqual([
      expect.objectContaining({ path: 'components[0].dialogs[0].elements[0].seconds', componentId: 'comp', dialogId: 'k', elementId: 'k1', field: 'seconds', rule: 'too-big' }),
    ]);
  });
});

describe('parseFlow', () => {
  it('returns the flow with defaults, or the errors', () => {
    const withoutSettings = demo();
    remove(withoutSettings, 'settings');
    const parsed = parseFlow(withoutSettings);
    expect(parsed.ok && parsed.flow.settings.sessionTimeoutSeconds).toBe(86_400);
    const broken = demo();
    set(broken, 'entryDialogId', 'x');
    expect(parseFlow(broken).ok).toBe(false);
  });
});
