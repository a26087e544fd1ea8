import { createChannel, createChannelCache, createDb, insertOutboundMessage, setWorkspaceHttpAllowlist } from '@parley/db';
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

/** A reply waiting for delivery to the local receiver; `channelEgress`: the operator's CHANNEL_EGRESS_ALLOW. */
async function pendingReply(channelEgress: string[] | null, workspaceAllowlist: string[] = []) {
  const call = await createCallTestContext(db);
  if (workspaceAllowlist.length > 0) await setWorkspaceHttpAllowlist(db, call.workspaceId, workspaceAllowlist);
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
  const ctx: RunnerContext = { db, logger: pino({ level: 'silent' }), secretKey: call.secretKey, flows: new FlowCache(), channels: createChannelCache(call.secretKey), egress: { channels: { allow: channelEgress ?? [] } }, clock: () => Date.now(), random: Math.random };
  return { ctx, job: { messageId: message.id } };
}

describe('deliverOutbound', () => {
  it('refuses a loopback receiver the operator did not allow, permanently and without sending, whatever the workspace allowlists', async () => {
    const before = received;
    const { ctx, job } = await pendingReply(null, ['127.0.0.1/32']);
    const result = await deliverOutbound(ctx, job, { retries: 0 });
    expect(result).toMatchObject({ kind: 'permanent-failure' });
    expect(result.kind === 'permanent-failure' && result.error).toContain('loopback');
    expect(received).toBe(before);
  });

  it('delivers to the receiver once the operator allows its port', async () => {
    const before = received;
    const { ctx, job } = await pendingReply([`127.0.0.1:${new URL(receiverUrl).port}`]);
    expect(await deliverOutbound(ctx, job, { retries: 0 })).toEqual({ kind: 'sent', attempts: 1 });
    expect(received).toBe(before + 1);
  });
});
