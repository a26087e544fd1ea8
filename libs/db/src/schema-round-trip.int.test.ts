import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';

/**
 * Writes every model with every column set and reads it back through the
 * generated client: proves the migration SQL and schema.prisma agree (a
 * missing column, wrong type or missing default fails here).
 */
const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

describe('schema round trip', () => {
  it('writes and reads back every model', async () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    const workspace = await db.workspace.create({ data: { name: 'W', slug: `rt-${randomUUID()}`, settings: { locale: 'en' } } });
    const defaults = await db.workspace.create({ data: { name: 'D', slug: `rt-${randomUUID()}` } });
    expect(defaults.settings).toEqual({});

    const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: 'Ann' } });
    const membership = await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: 'owner' } });
    const apiKey = await db.apiKey.create({
      data: { workspaceId: workspace.id, name: 'ci', prefix: 'pk_12', hash: randomUUID(), lastUsedAt: at, revokedAt: at },
    });
    const bot = await db.bot.create({ data: { workspaceId: workspace.id, name: 'B', description: 'd', draft: { nodes: [1] }, draftUpdatedBy: user.id } });
    const version = await db.botVersion.create({
      data: { botId: bot.id, number: 1, flow: { nodes: [1], components: [] }, publishedBy: user.id, note: 'First', source: { nodes: [1] } },
    });
    const channel = await db.channel.create({
      data: { workspaceId: workspace.id, botId: bot.id, type: 'webchat', name: 'C', config: { a: 1 }, secrets: 'v1.x', enabled: false },
    });
    const session = await db.session.create({
      data: {
        workspaceId: workspace.id,
        botId: bot.id,
        botVersionId: version.id,
        channelId: channel.id,
        contact: '+100',
        state: { step: 'start' },
        activeKey: `${channel.id}:+100`,
        closedAt: at,
      },
    });
    const message = await db.message.create({
      data: {
        workspaceId: workspace.id,
        channelId: channel.id,
        sessionId: session.id,
        direction: 'inbound',
        channelMessageId: 'm1',
        contact: '+100',
        text: 'hi',
        payload: { text: 'hi' },
        status: 'received',
        attempts: 2,
        error: 'e',
        processedAt: at,
        sentAt: at,
        deliveryToken: 't1',
        deliveryLockedUntil: at,
      },
    });
    const timer = await db.sessionTimer.create({
      data: { sessionId: session.id, timerId: '3:reply-timeout', kind: 'reply-timeout', dueAt: at, channelId: channel.id, contact: '+100', settledAt: at },
    });
    const person = await db.person.create({
      data: {
        workspaceId: workspace.id,
        externalId: 'crm-1',
        email: 'p@example.com',
        phone: '+100',
        firstName: 'P',
        lastName: 'Q',
        attributes: { vip: true },
        tags: ['a', 'b'],
      },
    });
    const customEvent = await db.customEvent.create({
      data: { workspaceId: workspace.id, personId: person.id, name: 'signup', properties: { plan: 'pro' }, occurredAt: at },
    });
    const conversation = await db.conversation.create({
      data: {
        workspaceId: workspace.id,
        sessionId: session.id,
        personId: person.id,
        channelId: channel.id,
        status: 'assigned',
        queue: 'support',
        tags: ['urgent'],
        assigneeId: user.id,
        closedAt: at,
      },
    });
    const csat = await db.csatResponse.create({
      data: { workspaceId: workspace.id, botId: bot.id, sessionId: session.id, scale: 'five-stars', score: 4, feedback: 'ok' },
    });
    const analytics = await db.analyticsEvent.create({
      data: { workspaceId: workspace.id, botId: bot.id, sessionId: session.id, type: 'session.started', payload: { n: 1 } },
    });

    const read = await db.workspace.findUniqueOrThrow({
      where: { id: workspace.id },
      include: {
        memberships: true,
        apiKeys: true,
        bots: { include: { versions: true } },
        channels: true,
        sessions: true,
        messages: true,
        people: true,
        customEvents: true,
        conversations: true,
        csatResponses: true,
        analyticsEvents: true,
      },
    });
    expect(read.settings).toEqual({ locale: 'en' });
    expect(read.memberships).toEqual([membership]);
    expect(read.apiKeys).toEqual([apiKey]);
    expect(read.bots).toEqual([{ ...bot, versions: [version] }]);
    expect(read.channels).toEqual([channel]);
    expect(read.sessions).toEqual([session]);
    expect(read.messages).toEqual([message]);
    expect(read.people).toEqual([person]);
    expect(read.customEvents).toEqual([customEvent]);
    expect(read.conversations).toEqual([conversation]);
    expect(read.csatResponses).toEqual([csat]);
    expect(read.analyticsEvents).toEqual([analytics]);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(user);
    expect(await db.sessionTimer.findMany({ where: { sessionId: session.id } })).toEqual([timer]);
    expect(timer).toMatchObject({ status: 'pending', dueAt: at });

    expect(typeof message.seq).toBe('bigint');
    expect(session).toMatchObject({ status: 'active', version: 0 });
    expect(person.tags).toEqual(['a', 'b']);
    expect(customEvent.occurredAt).toEqual(at);

    // Deleting the workspace removes everything it owns.
    await db.workspace.delete({ where: { id: workspace.id } });
    expect(await db.message.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.sessionTimer.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });
});
