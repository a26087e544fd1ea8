import type { Db } from '@parley/db';
import type { CallContext } from '@parley/runner';
import { createCallTestContext } from '../../../libs/runner/src/calls/create-call-test-context';

/**
 * A fresh workspace, bot, channel and session (the runner's executor test context) under
 * an operator egress policy that admits 127.0.0.1: the SSRF guard refuses loopback
 * otherwise, and these tests talk to local servers.
 */
export async function createApiTestContext(db: Db): Promise<CallContext> {
  return { ...(await createCallTestContext(db)), egress: { allow: ['127.0.0.1'] } };
}
