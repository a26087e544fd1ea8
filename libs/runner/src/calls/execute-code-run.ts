import type { Tx } from '@parley/db';
import type { Call } from '@parley/elements';
import { SandboxUnavailableError, type Sandbox } from '@parley/sandbox';
import type { CallContext, CallResult } from './call-executor';

/**
 * `code.run` (Code element): runs the script in the sandbox (libs/sandbox) with the
 * call's attribute snapshot and limits. A completed run is `ok: true` with
 * `{ attributes, logs }` (the element hands the attributes to the engine, which keeps the
 * declared, writable ones); a failed one is `ok: false` with the sandbox's code —
 * `timeout`, `memory`, `script-error` or `invalid-value` — and message, so the element
 * takes its fallback. `unavailable` when this runner has no sandbox (it was not given
 * one) or the sandbox could not run the script at all (shut down, or busy past its queue
 * timeout): the element takes its fallback instead of hanging, and user code never runs
 * outside the sandbox. Nothing touches the transaction.
 */
export async function executeCodeRun(
  _tx: Tx,
  _ctx: CallContext,
  call: Extract<Call, { name: 'code.run' }>,
  sandbox?: Sandbox,
): Promise<CallResult> {
  if (!sandbox) return { ok: false, error: { code: 'unavailable', message: 'The Code sandbox is not available on this platform' } };
  try {
    const run = await sandbox.runInSandbox({ code: call.code, attributes: call.attributes, limits: call.limits });
    return run.ok ? { ok: true, result: { attributes: run.attributes, logs: run.logs } } : { ok: false, error: run.error };
  } catch (error) {
    if (error instanceof SandboxUnavailableError) return { ok: false, error: { code: 'unavailable', message: error.message } };
    throw error;
  }
}
