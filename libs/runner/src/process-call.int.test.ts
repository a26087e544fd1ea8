import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createDb, insertInboundMessage, pruneAppliedSessionCalls, withContactLock } from '@parley/db';
import { migrateFlow, type Flow } from '@parley/engine';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRunnerTestFixture, type RunnerTestFixture } from './create-runner-test-fixture';
import { processCall } from './process-call';
import { processInbox } from './process-inbox';
import type { InboundJob } from '@parley/queue';
import type { RunnerContext } from './runner-context';
import { runTurns } from './turns/run-turns';

/**
 * Calls that leave the process run outside the turn: the turn only stores the call
 * and commits the session waiting for it; processCall runs it with no transaction and
 * no contact lock; its result comes back as a later turn, applied once, with messages
 * that arrived meanwhile answered after it, in order.
 */
const db = createDb(inject('databaseUrl'));

/** A partner that answers `{ status: "shipped" }` after `partnerDelayMs`, recording each request's headers. */
let partnerDelayMs = 0;
const received: IncomingHttpHeaders[] = [];
const server: Server = createServer((request, response) => {
  received.push(request.headers);
  request.resume();
  setTimeout(() => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: 'shipped' }));
  }, partnerDelayMs);
});
let partnerUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  partnerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();
});

function orderFlow(url: string): Flow {
  return migrateFlow({
    version: 1,
    attributes: [
      { name: 'orderId', type: 'text', scope: 'session' },
      { name: 'status', type: 'text', scope: 'session' },
      { name: 'said', type: 'text', scope: 'session' },
    ],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'ask',
        elements: [
          { id: 'ask', type: 'user-response', saveAs: 'orderId' },
          { id: 'lookup', type: 'api', method: 'GET', url: `${url}/orders/{{orderId}}`, timeoutSeconds: 5, retries: 0, response: { body: [{ attribute: 'status', path: 'status' }] } },
          { id: 'answer', type: 'send-message', text: 'Order {{orderId}} is {{status}}' },
          { id: 'next', type: 'user-response', saveAs: 'said' },
          { id: 'echo', type: 'send-message', text: 'you said {{said}}' },
        ],
        edges: [
          { id: 'e1', from: 'ask', to: 'lookup' },
          { id: 'e2', from: 'lookup', to: 'answer' },
          { id: 'e3', from: 'answer', to: 'next' },
          { id: 'e4', from: 'next', to: 'echo' },
          { id: 'e5', from: 'echo', to: 'next' },
        ],
      },
    ],
    settings: { sessionTimeoutSeconds: 3600 },
  });
}

/** A batch of inbox jobs through the one pipeline, not waiting for busy locks. */
function processInboxBatch(ctx: RunnerContext, jobs: readonly InboundJob[]) {
  return runTurns(ctx, jobs.map((job) => ({ kind: 'inbox', job })), { waitForLocks: false });
}

async function say(fixture: RunnerTestFixture, contact: string, text: string): Promise<void> {
  await insertInboundMessage(db, { workspaceId: fixture.workspaceId, channelId: fixture.channelId, channelMessageId: randomUUID(), contact, text, payload: { text } });
}

/** Starts the contact's session ("hi": the bot asks for the order id), then sends `orderId`. */
async function askFor(fixture: RunnerTestFixture, contact: string, orderId: string): Promise<void> {
  await say(fixture, contact, 'hi');
  await processInbox(fixture.ctx, { channelId: fixture.channelId, contact });
  await say(fixture, contact, orderId);
}

async function replies(channelId: string, contact: string): Promise<string[]> {
  const rows = await db.message.findMany({ where: { channelId, contact, direction: 'outbound' }, orderBy: { seq: 'asc' } });
  return rows.map((row) => row.text ?? '');
}

describe('calls outside the turn', () => {
  it('commits the session waiting, runs the call with no lock held, and applies its result once', async () => {
    const fixture = await createRunnerTestFixture(db, orderFlow(partnerUrl));
    const contact = fixture.contact();
    const requestsBefore = received.length;
    await askFor(fixture, contact, 'A7');
    const turn = await processInbox(fixture.ctx, { channelId: fixture.channelId, contact });
    // The turn did not call the partner: it stored the call and queued it.
    expect(received.length).toBe(requestsBefore);
    expect(turn.calls).toHaveLength(1);
    const call = turn.calls[0];
    if (!call) throw new Error('no call queued');
    expect(await db.sessionCall.findUniqueOrThrow({ where: { id: call.callId } })).toMatchObject({ status: 'pending', name: 'http.request' });

    // A message arriving while the call runs waits its turn in the inbox, and the call runs
    // while another transaction holds the contact's lock: it needs neither.
    await say(fixture, contact, 'hello?');
    await processInbox(fixture.ctx, { channelId: fixture.channelId, contact });
    expect(await db.message.count({ where: { channelId: fixture.channelId, contact, direction: 'inbound', status: 'received' } })).toBe(1);
    partnerDelayMs = 300;
    const outcome = await withContactLock(db, fixture.channelId, contact, () => processCall(fixture.ctx, call));
    partnerDelayMs = 0;
    expect(outcome.resume).toEqual({ channelId: fixture.channelId, contact, callId: call.callId });
    expect(await replies(fixture.channelId, contact)).toEqual([]);

    // Run again (a worker died after the request): same Idempotency-Key, result kept from the first run.
    await processCall(fixture.ctx, call);
    const sent = received.slice(requestsBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.['idempotency-key']).toBe(call.callId);

    const resume = outcome.resume;
    if (!resume) throw new Error('nothing to resume');
    await processInbox(fixture.ctx, resume);
    await processInbox(fixture.ctx, resume); // a repeated result job applies nothing twice
    expect(await replies(fixture.channelId, contact)).toEqual(['Order A7 is shipped', 'you said hello?']);
    // Applied: the request (headers may carry credentials) and the response are not kept.
    expect(await db.sessionCall.findUniqueOrThrow({ where: { id: call.callId } })).toMatchObject({ status: 'applied', call: {}, result: null });
  });

  it('re-running a call that already has a result sends nothing again', async () => {
    const fixture = await createRunnerTestFixture(db, orderFlow(partnerUrl));
    const contact = fixture.contact();
    await askFor(fixture, contact, 'B1');
    const [call] = (await processInbox(fixture.ctx, { channelId: fixture.channelId, contact })).calls;
    if (!call) throw new Error('no call queued');
    await processCall(fixture.ctx, call);
    const before = received.length;
    const again = await processCall(fixture.ctx, call);
    expect(received.length).toBe(before);
    expect(again.resume?.callId).toBe(call.callId);
  });

  it('gives up a call still pending twice its deadline after it was stored: a timeout, without calling', async () => {
    const fixture = await createRunnerTestFixture(db, orderFlow(partnerUrl));
    const contact = fixture.contact();
    await askFor(fixture, contact, 'F6');
    const [call] = (await processInbox(fixture.ctx, { channelId: fixture.channelId, contact })).calls;
    if (!call) throw new Error('no call queued');
    // Its jobs kept failing or were lost; the reconciler queues it again ten minutes later.
    await db.sessionCall.update({ where: { id: call.callId }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    const before = received.length;
    const { resume } = await processCall(fixture.ctx, call);
    expect(received.length).toBe(before);
    expect(await db.sessionCall.findUniqueOrThrow({ where: { id: call.callId } })).toMatchObject({ status: 'done', result: { ok: false, error: { code: 'timeout' } } });
    if (!resume) throw new Error('nothing to resume');
    await processInbox(fixture.ctx, resume);
    // The session no longer waits for it.
    const session = await db.session.findFirstOrThrow({ where: { channelId: fixture.channelId, contact } });
    expect(session.state).not.toMatchObject({ waiting: { call: { key: expect.any(String) } } });
  });

  it('drops the result of a call whose session ended meanwhile', async () => {
    const fixture = await createRunnerTestFixture(db, orderFlow(partnerUrl));
    const contact = fixture.contact();
    await askFor(fixture, contact, 'C3');
    const [call] = (await processInbox(fixture.ctx, { channelId: fixture.channelId, contact })).calls;
    if (!call) throw new Error('no call queued');
    await db.session.updateMany({ where: { channelId: fixture.channelId, contact }, data: { status: 'closed', activeKey: null } });
    const { resume } = await processCall(fixture.ctx, call);
    if (!resume) throw new Error('nothing to resume');
    await processInbox(fixture.ctx, resume);
    expect(await replies(fixture.channelId, contact)).toEqual([]);
    expect(await db.sessionCall.findUniqueOrThrow({ where: { id: call.callId } })).toMatchObject({ status: 'applied' });
    // Applied calls are history: pruned once older than the cut-off (the reconciler uses a day).
    expect(await pruneAppliedSessionCalls(db, new Date(0), 1_000)).toBe(0);
    expect(await pruneAppliedSessionCalls(db, new Date(Date.now() + 1_000), 1_000)).toBeGreaterThanOrEqual(1);
    expect(await db.sessionCall.findUnique({ where: { id: call.callId } })).toBeNull();
  });
});

describe('calls in turn batches', () => {
  it('batches the turn that reaches a call, a message buffered meanwhile and the turn that applies its result', async () => {
    const fixture = await createRunnerTestFixture(db, orderFlow(partnerUrl));
    const contact = fixture.contact();
    const job = { channelId: fixture.channelId, contact };
    await say(fixture, contact, 'hi');
    expect(await processInboxBatch(fixture.ctx, [job])).not.toEqual([null]);
    await say(fixture, contact, 'D4');
    const [turn] = await processInboxBatch(fixture.ctx, [job]);
    expect(turn?.calls).toHaveLength(1);
    const call = turn?.calls[0];
    if (!call) throw new Error('no call queued');
    expect(await db.sessionCall.findUniqueOrThrow({ where: { id: call.callId } })).toMatchObject({ status: 'pending', name: 'http.request', contact });

    await say(fixture, contact, 'still there?');
    expect(await processInboxBatch(fixture.ctx, [job])).not.toEqual([null]);
    const { resume } = await processCall(fixture.ctx, call);
    if (!resume) throw new Error('nothing to resume');
    const [applied] = await processInboxBatch(fixture.ctx, [resume]);
    expect(applied).not.toBeNull();
    expect(await replies(fixture.channelId, contact)).toEqual(['Order D4 is shipped', 'you said still there?']);
    expect(await db.sessionCall.findUniqueOrThrow({ where: { id: call.callId } })).toMatchObject({ status: 'applied' });
    // A repeated result job finds nothing left to apply.
    expect(await processInboxBatch(fixture.ctx, [resume])).toEqual([{ outboundMessageIds: [], leasedReplies: [], timers: [], cancelledTimers: [], wakeUps: [], cancelledWakeUps: [], calls: [] }]);
  });

  it('drops, in a batch, a stored result whose session ended, whichever job of the contact comes first', async () => {
    const fixture = await createRunnerTestFixture(db, orderFlow(partnerUrl));
    const contact = fixture.contact();
    await askFor(fixture, contact, 'E5');
    const [call] = (await processInbox(fixture.ctx, { channelId: fixture.channelId, contact })).calls;
    if (!call) throw new Error('no call queued');
    await db.session.updateMany({ where: { channelId: fixture.channelId, contact }, data: { status: 'closed', activeKey: null } });
    const { resume } = await processCall(fixture.ctx, call);
    if (!resume) throw new Error('nothing to resume');
    // The contact's first job in the batch does not carry the result; the batch still applies (drops) it.
    expect(await processInboxBatch(fixture.ctx, [{ channelId: fixture.channelId, contact }, resume])).not.toContain(null);
    expect(await replies(fixture.channelId, contact)).toEqual([]);
    expect(await db.sessionCall.findUniqueOrThrow({ where: { id: call.callId } })).toMatchObject({ status: 'applied' });
  });
});

describe('chained database calls', () => {
  it('runs a flow of 30 database calls in a row, each from the calls queue, and none of their results is dropped', async () => {
    const count = 30; // more than the 25 chained results one turn used to take
    const tags = Array.from({ length: count }, (_, index) => ({ id: `tag${index}`, type: 'customer-profiles-tags', action: 'add', tags: [`t${index}`] }));
    const flow = migrateFlow({
      version: 1,
      attributes: [],
      entryDialogId: 'main',
      dialogs: [
        {
          id: 'main',
          name: 'Main',
          startElementId: 'tag0',
          elements: [...tags, { id: 'done', type: 'send-message', text: `done after ${count} calls` }],
          edges: [...tags.map((tag, index) => ({ id: `e${index}`, from: tag.id, to: tags[index + 1]?.id ?? 'done' }))],
        },
      ],
      settings: { sessionTimeoutSeconds: 3600 },
    });
    const fixture = await createRunnerTestFixture(db, flow);
    const contact = fixture.contact();
    await say(fixture, contact, 'hi');
    let turn = await processInbox(fixture.ctx, { channelId: fixture.channelId, contact });
    let calls = 0;
    for (let call = turn.calls[0]; call; call = turn.calls[0]) {
      expect(turn.calls).toHaveLength(1);
      calls += 1;
      const { resume } = await processCall(fixture.ctx, call);
      if (!resume) throw new Error('nothing to resume');
      turn = await processInbox(fixture.ctx, resume);
    }
    expect(calls).toBe(count);
    expect(await replies(fixture.channelId, contact)).toEqual([`done after ${count} calls`]);
    const person = await db.person.findFirstOrThrow({ where: { workspaceId: fixture.workspaceId, externalId: contact } });
    expect(person.tags).toHaveLength(count);
  });
});
