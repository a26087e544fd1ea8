import { createChannel, createChannelCache, createDb, createHttpPolicyCache, insertOutboundMessage, setWorkspaceHttpAllowlist } from '@parley/db';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCallTestContext } from './calls/create-call-test-context';
import { deliverOutbound } from './deliver-outbound';
import { FlowCache } from './flow-cache';
import type { RunnerContext } from './runner-context';
import { startJsonReceiver, type JsonReceiver } from './testing/start-json-receiver';

/** Channel delivery under the channel workspace's SSRF policy, to a receiver on loopback. */
const db = createDb(inject('databaseUrl'));
let receiver: JsonReceiver;
let receiverUrl = '';
let received = 0;

beforeAll(async () => {
  receiver = await startJsonReceiver((_body, response) => {
    received += 1;
    response.writeHead(204).end();
  });
  receiverUrl = receiver.url;
});
afterAll(async () => {
  await receiver.close();
  await db.$disconnect();
});

async function pendingReply(allowlist: string[] | null) {
  const call = await createCallTestContext(db);
  if (allowlist) await setWorkspaceHttpAllowlist(db, call.workspaceId, allowlist);
  const bot = await db.session.findUniqueOrThrow({ where: { id: call.sessionId }, select: { botId: true } });
  const channel = await createChannel(
    db,
    { workspaceId: call.workspaceId, botId: bot.botId, type: 'http', name: 'Local', config: { outboundUrl: receiverUrl }, secrets: { webhookSecret: 'whsec_dGVzdA==' } },
    call.secretKey,
  );
  const { message } = await insertOutboundMessage(db, {
    workspaceId: call.workspaceId,
    channelId: channel.id,
    sessionId: call.sessionId,
    contact: call.contact,
    idempotencyKey: `${call.sessionId}:1`,
    text: 'Hello',
    payload: { text: 'Hello', buttons: [] },
  });
  const ctx: RunnerContext = { db, logger: pino({ level: 'silent' }), secretKey: call.secretKey, flows: new FlowCache(), channels: createChannelCache(call.secretKey), httpPolicies: createHttpPolicyCache(), clock: () => Date.now(), random: Math.random };
  return { ctx, job: { messageId: message.id } };
}

describe('deliverOutbound', () => {
  it('refuses a loopback receiver for a workspace without an allowlist, permanently and without sending', async () => {
    const before = received;
    const { ctx, job } = await pendingReply(null);
    const result = await deliverOutbound(ctx, job, { retries: 0 });
    expect(result).toMatchObject({ kind: 'permanent-failure' });
    expect(result.kind === 'permanent-failure' && result.error).toContain('loopback');
    expect(received).toBe(before);
  });

  it('delivers to the receiver once the workspace allowlists it', async () => {
    const before = received;
    const { ctx, job } = await pendingReply(['127.0.0.1/32']);
    expect(await deliverOutbound(ctx, job, { retries: 0 })).toEqual({ kind: 'sent', attempts: 1 });
    expect(received).toBe(before + 1);
  });
});
