import { describe, expect, it } from 'vitest';
import { builtInAttributes, isInboundAttribute, type AttributeDeclaration } from '../attribute-declaration-schema';
import { codeRunCallSchema } from '../calls/code-run-call';
import { elementOutcomeSchema } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import { testContext } from '../test-context';
import type { ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import { codeAttributeRefs, codePorts, resumeCode, runCode, validateCode } from './run';
import { codeSchema, type Code } from './schema';

const script = "const score = attributeApi.get('score');\nattributeApi.set('result', score > 80 ? 'pass' : 'fail');";
const code = (config: Record<string, unknown> = {}): Code => codeSchema.parse({ id: 'grade', type: 'code', code: script, ...config });
const declared: AttributeDeclaration[] = [
  { name: 'score', type: 'number', scope: 'session' },
  { name: 'result', type: 'text', scope: 'session' },
  { name: 'unset', type: 'text', scope: 'session' },
];
const declarations = Object.fromEntries([...builtInAttributes, ...declared].map((declaration) => [declaration.name, declaration]));
const context = testContext({ attributes: { score: 91, lastReceivedMessage: 'hi', stray: 'x' }, declarations });
const waitFor: WaitFor = { kind: 'call.result', timeoutSeconds: 31 };
const validation: ValidationContext = { declarations, dialogs: [{ id: 'main', name: 'Main' }], components: [], isInbound: isInboundAttribute, scope: { kind: 'bot' } };
const completed = (attributes: Record<string, unknown>): ResumeEvent => ({ type: 'call.result', ok: true, result: { attributes: JSON.parse(JSON.stringify(attributes)), logs: [] } });

describe('code schema', () => {
  it('limits the script and the sandbox', () => {
    expect(code()).toEqual({ id: 'grade', type: 'code', code: script, timeoutMs: 1000, memoryMb: 32 });
    const ok = (config: Record<string, unknown>): boolean => codeSchema.safeParse({ id: 'c', type: 'code', code: 'x', ...config }).success;
    expect(ok({ code: '' })).toBe(false);
    expect(ok({ code: 'x'.repeat(20_000) })).toBe(true);
    expect(ok({ code: 'x'.repeat(20_001) })).toBe(false);
    expect(ok({ timeoutMs: 100 })).toBe(true);
    expect(ok({ timeoutMs: 5000 })).toBe(true);
    expect(ok({ timeoutMs: 99 })).toBe(false);
    expect(ok({ timeoutMs: 5001 })).toBe(false);
    expect(ok({ memoryMb: 8 })).toBe(true);
    expect(ok({ memoryMb: 64 })).toBe(true);
    expect(ok({ memoryMb: 7 })).toBe(false);
    expect(ok({ memoryMb: 65 })).toBe(false);
  });
});

describe('code run', () => {
  it('emits code.run with a snapshot of the attributes in scope and the limits, and waits', () => {
    const outcome = runCode(code({ timeoutMs: 2500 }), context);
    expect(outcome).toMatchObject({ kind: 'wait', waitFor: { kind: 'call.result', timeoutSeconds: 33 }, attributes: {} });
    expect(elementOutcomeSchema.safeParse(outcome).error).toBeUndefined();
    const effect = outcome.effects[0];
    expect(effect?.type === 'call' && codeRunCallSchema.parse(effect.call)).toEqual({
      name: 'code.run',
      code: script,
      attributes: { score: 91, lastReceivedMessage: 'hi' },
      limits: { timeoutMs: 2500, memoryMb: 32 },
    });
  });

  it('hands every attribute the script set to the engine (which rejects the undeclared and inbound ones) and continues through next', () => {
    const outcome = resumeCode(code(), waitFor, completed({ result: 'pass', score: 92, lastReceivedMessage: 'x', stray: 1 }), context);
    expect(outcome).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: { result: 'pass', score: 92, lastReceivedMessage: 'x', stray: 1 } });
  });

  it('takes the fallback when the run failed, timed out or returned garbage', () => {
    const element = code({ fallback: { message: { text: 'Oops' }, action: { type: 'port' } } });
    const fallback = { kind: 'fallback', fallback: element.fallback, effects: [], attributes: {} };
    for (const code of ['timeout', 'memory', 'script-error']) {
      expect(resumeCode(element, waitFor, { type: 'call.result', ok: false, error: { code, message: 'x' } }, context)).toEqual(fallback);
    }
    expect(resumeCode(element, waitFor, { type: 'timeout' }, context)).toEqual(fallback);
    expect(resumeCode(element, waitFor, { type: 'call.result', ok: true, result: { attributes: 'x' } }, context)).toEqual(fallback);
    expect(resumeCode(code(), waitFor, { type: 'timeout' }, context)).toEqual({ kind: 'fallback', effects: [], attributes: {} });
  });

  it('has ports and refs', () => {
    expect(codePorts(code())).toEqual(['next']);
    expect(codePorts(code({ fallback: { action: { type: 'port' } } }))).toEqual(['next', 'fallback']);
    expect(codeAttributeRefs(code({ fallback: { message: { text: 'Hi {{result}}' }, action: { type: 'end' } } }))).toEqual([
      { name: 'result', access: 'read', path: ['fallback', 'message', 'text'], valuePath: [] },
    ]);
  });

  it('warns about literal attribute names the script cannot use', () => {
    const element = code({
      code: "attributeApi.get('score'); attributeApi.get(\"nope\"); attributeApi.set(`gone`, 1); attributeApi.set('gone', 2); attributeApi.set('sessionId', 'x'); attributeApi.get('sessionId'); attributeApi.set(name, 1);",
      fallback: { action: { type: 'dialog', dialogId: 'missing' } },
    });
    expect(validateCode(element, validation).map(({ field, rule, severity }) => ({ field, rule, severity }))).toEqual([
      { field: 'code', rule: 'undeclared-attribute', severity: 'warning' },
      { field: 'code', rule: 'undeclared-attribute', severity: 'warning' },
      { field: 'code', rule: 'reserved-attribute', severity: 'warning' },
      { field: 'fallback.action.dialogId', rule: 'unknown-dialog', severity: undefined },
    ]);
  });
});
