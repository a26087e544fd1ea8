import { callResultEventSchema } from '@parley/engine';

/**
 * A call's outcome as stored in SessionCall.result: the executor's CallResult (see
 * call-executor.ts), i.e. the engine's `call.result` event without `type` and `key`.
 * Read back as untrusted JSON before it becomes that event.
 */
export const storedCallResultSchema = callResultEventSchema.omit({ type: true, key: true });
