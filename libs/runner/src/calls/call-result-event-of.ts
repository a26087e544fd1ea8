import type { EngineEvent } from '@parley/engine';
import type { SessionCall } from '@parley/db';
import { storedCallResultSchema } from './stored-call-result-schema';

/**
 * A stored call's result as the engine's `call.result` event. The stored JSON is read
 * as untrusted: an unreadable result becomes a failure (`invalid-result`), so the
 * element takes its fallback instead of the turn failing forever.
 */
export function callResultEventOf(call: SessionCall): Extract<EngineEvent, { type: 'call.result' }> {
  const parsed = storedCallResultSchema.safeParse(call.result);
  const outcome = parsed.success ? parsed.data : { ok: false, error: { code: 'invalid-result', message: `Stored call result unreadable: ${parsed.error.message}` } };
  return { type: 'call.result', key: call.key, ...outcome };
}
