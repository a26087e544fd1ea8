import { createHash } from 'node:crypto';
import { createDb } from '@parley/db';
import type { CodeRunCall } from '@parley/elements';
import { SandboxPool } from '@parley/sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCallTestContext } from './create-call-test-context';
import { executeCodeRun } from './execute-code-run';

const db = createDb(inject('databaseUrl'));
const sandbox = new SandboxPool({ size: 1, stderr: 'ignore' });
beforeAll(() => sandbox.whenReady(), 60_000);
afterAll(() => Promise.all([db.$disconnect(), sandbox.dispose()]));

const limits = { timeoutMs: 500, memoryMb: 32 };

describe('executeCodeRun', () => {
  it('runs the script in the sandbox and returns the attributes it set and its logs', async () => {
    const ctx = await createCallTestContext(db);
    const code = "const n = (attributeApi.get('counter') || 0) + 1;\nattributeApi.set('counter', n);\nattributeApi.set('digest', encryptionUtils.sha256('n=' + n));\nconsole.log('counter', n);";
    const result = await db.$transaction((tx) => executeCodeRun(tx, ctx, { name: 'code.run', code, attributes: { counter: 4 }, limits }, sandbox));
    expect(result).toEqual({
      ok: true,
      result: { attributes: { counter: 5, digest: createHash('sha256').update('n=5').digest('hex') }, logs: ['counter 5'] },
    });
  });

  it('maps failed runs to their error codes', { timeout: 30_000 }, async () => {
    const ctx = await createCallTestContext(db);
    const run = (code: string, timeoutMs = limits.timeoutMs) =>
      db.$transaction((tx) => executeCodeRun(tx, ctx, { name: 'code.run', code, attributes: {}, limits: { ...limits, timeoutMs } }, sandbox));
    expect(await run('while (true) {}')).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(await run("throw new Error('nope')")).toEqual({ ok: false, error: { code: 'script-error', message: 'Error: nope (line 1, column 7)' } });
    expect(await run("attributeApi.set('x', undefined)")).toMatchObject({ ok: false, error: { code: 'invalid-value' } });
    expect(await run('const a = []; for (;;) a.push({ n: Math.random() })', 5_000)).toMatchObject({ ok: false, error: { code: 'memory' } });
    expect(await run("attributeApi.set('after', 'failures')")).toMatchObject({ ok: true, result: { attributes: { after: 'failures' } } });
  });

  it('answers unavailable without a sandbox, or when the sandbox is shut down', async () => {
    const ctx = await createCallTestContext(db);
    const call: CodeRunCall = { name: 'code.run', code: "attributeApi.set('x', 1)", attributes: {}, limits };
    expect(await executeCodeRun(db, ctx, call)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const stopped = new SandboxPool({ size: 1 });
    await stopped.dispose();
    expect(await executeCodeRun(db, ctx, call, stopped)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
