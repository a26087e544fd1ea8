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
    expect(error?.message).toContain('send-message, user-response, close-session');
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

    set(flow, 'dialogs[0].elements[1].timeoutSeconds', 60); // now ask-name has a 'timeout' port
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
