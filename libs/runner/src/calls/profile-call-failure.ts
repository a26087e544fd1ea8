import type { ProfileErrorCode } from '@parley/elements';
import type { CallResult } from './call-executor';

/** A failed Customer Profiles call; `code` becomes lastCustomerProfilesStatusCode. */
export function profileCallFailure(code: ProfileErrorCode, message: string): CallResult {
  return { ok: false, error: { code, message } };
}
