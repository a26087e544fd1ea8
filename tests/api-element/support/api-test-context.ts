import { setWorkspaceHttpAllowlist, type Db } from '@parley/db';
import type { CallContext } from '@parley/runner';
import { createCallTestContext } from '../../../libs/runner/src/calls/create-call-test-context';

/**
 * A fresh workspace, bot, channel and session (the runner's executor test context) whose
 * outbound HTTP allowlist admits 127.0.0.1: the SSRF guard refuses loopback otherwise,
 * and these tests talk to local servers.
 */
export async function createApiTestContext(db: Db): Promise<CallContext> {
  const context = await createCallTestContext(db);
  await setWorkspaceHttpAllowlist(db, context.workspaceId, ['127.0.0.1']);
  return context;
}
