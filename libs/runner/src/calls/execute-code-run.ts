import type { Tx } from '@parley/db';
import type { Call } from '@parley/elements';
import type { CallContext, CallResult } from './call-executor';

/**
 * `code.run` (Code element). The isolated-vm sandbox (libs/sandbox) is not wired in
 * yet: until it is, every run reports `unavailable`, so the element takes its
 * fallback instead of hanging or running user code unsandboxed.
 */
export async function executeCodeRun(_tx: Tx, _ctx: CallContext, _call: Extract<Call, { name: 'code.run' }>): Promise<CallResult> {
  return { ok: false, error: { code: 'unavailable', message: 'The Code sandbox is not available on this platform yet' } };
}
