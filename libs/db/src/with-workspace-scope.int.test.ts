import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { appendAuditLog } from './append-audit-log';
import { changeMemberRole } from './change-member-role';
import { createApiKey } from './create-api-key';
import { createDb, type Tx } from './create-db';
import { createInvitation } from './create-invitation';
import { createScratchDatabase } from './create-scratch-database';
import { createWorkspaceWithOwner } from './create-workspace-with-owner';
import { listApiKeys } from './list-api-keys';
import { listAuditLog } from './list-audit-log';
import { listInvitations } from './list-invitations';
import { listMembers } from './list-members';
import { migrate } from './migrate';
import { NotFoundError } from './not-found-error';
import { publishBot } from './publish-bot';
import { publishBotFlow } from './publish-bot-flow';
import { publishComponent } from './publish-component';
import { removeMember } from './remove-member';
import { revokeApiKey } from './revoke-api-key';
import { revokeInvitation } from './revoke-invitation';
import { withWorkspaceScope } from './with-workspace-scope';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

type Ids = { id: string }[];

/**
 * Every workspace-owned table and an UNFILTERED read of it: under row-level security
 * each must return only the scope's rows.
 */
const readers = {
  Workspace: (tx: Tx): Promise<Ids> => tx.workspace.findMany({ select: { id: true } }),
  Membership: (tx: Tx): Promise<Ids> => tx.membership.findMany({ select: { id: true } }),
  Invitation: (tx: Tx): Promise<Ids> => tx.invitation.findMany({ select: { id: true } }),
  AuditLog: (tx: Tx): Promise<Ids> => tx.auditLog.findMany({ select: { id: true } }),
  ApiKey: (tx: Tx): Promise<Ids> => tx.apiKey.findMany({ select: { id: true } }),
  Bot: (tx: Tx): Promise<Ids> => tx.bot.findMany({ select: { id: true } }),
  BotVersion: (tx: Tx): Promise<Ids> => tx.botVersion.findMany({ select: { id: true } }),
  Component: (tx: Tx): Promise<Ids> => tx.component.findMany({ select: { id: true } }),
  ComponentVersion: (tx: Tx): Promise<Ids> => tx.componentVersion.findMany({ select: { id: true } }),
  Channel: (tx: Tx): Promise<Ids> => tx.channel.findMany({ select: { id: true } }),
  Session: (tx: Tx): Promise<Ids> => tx.session.findMany({ select: { id: true } }),
  Message: (tx: Tx): Promise<Ids> => tx.message.findMany({ select: { id: true } }),
  SessionTimer: (tx: Tx): Promise<Ids> => tx.sessionTimer.findMany({ select: { id: true } }),
  SessionCall: (tx: Tx): Promise<Ids> => tx.sessionCall.findMany({ select: { id: true } }),
  Person: (tx: Tx): Promise<Ids> => tx.person.findMany({ select: { id: true } }),
  CustomEvent: (tx: Tx): Promise<Ids> => tx.customEvent.findMany({ select: { id: true } }),
  Conversation: (tx: Tx): Promise<Ids> => tx.conversation.findMany({ select: { id: true } }),
  CsatResponse: (tx: Tx): Promise<Ids> => tx.csatResponse.findMany({ select: { id: true } }),
  AnalyticsEvent: (tx: Tx): Promise<Ids> => tx.analyticsEvent.findMany({ select: { id: true } }),
  ConversationTag: (tx: Tx): Promise<Ids> => tx.conversationTag.findMany({ select: { id: true } }),
  ClientCertificate: (tx: Tx): Promise<Ids> => tx.clientCertificate.findMany({ select: { id: true } }),
};
type Table = keyof typeof readers;
const tables = Object.keys(readers).filter((name): name is Table => name in readers);

/** The tables that are not workspace-owned and stay without row-level security. */
const unscopedTables = ['Account', 'AuthSession', 'RateLimit', 'User', 'Verification', '_prisma_migrations'];

/** A workspace with one row (two in Membership: owner and builder) in every workspace-owned table. */
async function seedWorkspace(label: string) {
  const owner = await db.user.create({ data: { email: `${label}-${randomUUID()}@owner.test`, name: label } });
  const builder = await db.user.create({ data: { email: `${label}-${randomUUID()}@builder.test` } });
  const workspace = await createWorkspaceWithOwner(db, { name: `RLS ${label}`, ownerUserId: owner.id });
  const builderMembership = await db.membership.create({ data: { workspaceId: workspace.id, userId: builder.id, role: 'builder' } });
  const ownerMembership = await db.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: owner.id } } });
  const { invitation } = await createInvitation(db, { workspaceId: workspace.id, email: `${label}@invitee.test`, role: 'agent', invitedById: owner.id });
  const audit = await appendAuditLog(db, {
    workspaceId: workspace.id,
    actor: { type: 'user', id: owner.id, label: owner.email },
    action: 'bot.published',
    target: { type: 'bot', id: 'x' },
  });
  const { apiKey } = await createApiKey(db, { workspaceId: workspace.id, name: 'ci', role: 'builder', createdById: owner.id });
  const bot = await db.bot.create({ data: { workspaceId: workspace.id, name: 'B', draft: { v: 1 } } });
  const botVersion = await publishBot(db, bot.id);
  const component = await db.component.create({ data: { workspaceId: workspace.id, name: 'C', draft: { name: 'C' } } });
  const componentVersion = await publishComponent(db, component.id);
  const channel = await db.channel.create({ data: { workspaceId: workspace.id, botId: bot.id, type: 'http', name: 'ch', secrets: 'v1.x' } });
  const session = await db.session.create({
    data: { workspaceId: workspace.id, botId: bot.id, botVersionId: botVersion.id, channelId: channel.id, contact: '+1', state: {} },
  });
  const message = await db.message.create({
    data: { workspaceId: workspace.id, channelId: channel.id, sessionId: session.id, direction: 'inbound', channelMessageId: 'm1', contact: '+1', status: 'received' },
  });
  const timer = await db.sessionTimer.create({
    data: { sessionId: session.id, timerId: '1:delay', kind: 'delay', dueAt: new Date(), channelId: channel.id, contact: '+1' },
  });
  const call = await db.sessionCall.create({
    data: { workspaceId: workspace.id, botId: bot.id, sessionId: session.id, channelId: channel.id, contact: '+1', key: 'k1', name: 'http.request', call: {} },
  });
  const person = await db.person.create({ data: { workspaceId: workspace.id, externalId: 'p1' } });
  const customEvent = await db.customEvent.create({ data: { workspaceId: workspace.id, personId: person.id, name: 'signup' } });
  const conversation = await db.conversation.create({ data: { workspaceId: workspace.id, sessionId: session.id, personId: person.id, channelId: channel.id } });
  const csat = await db.csatResponse.create({ data: { workspaceId: workspace.id, botId: bot.id, sessionId: session.id, scale: 'five-stars', score: 5 } });
  const analytics = await db.analyticsEvent.create({ data: { workspaceId: workspace.id, botId: bot.id, sessionId: session.id, type: 'session.started' } });
  const tag = await db.conversationTag.create({ data: { workspaceId: workspace.id, name: 'vip' } });
  const certificate = await db.clientCertificate.create({ data: { workspaceId: workspace.id, name: 'mtls', certificate: 'PEM', key: 'sealed' } });

  const ids: Record<Table, string[]> = {
    Workspace: [workspace.id],
    Membership: [ownerMembership.id, builderMembership.id],
    Invitation: [invitation.id],
    AuditLog: [audit.id],
    ApiKey: [apiKey.id],
    Bot: [bot.id],
    BotVersion: [botVersion.id],
    Component: [component.id],
    ComponentVersion: [componentVersion.id],
    Channel: [channel.id],
    Session: [session.id],
    Message: [message.id],
    SessionTimer: [timer.id],
    SessionCall: [call.id],
    Person: [person.id],
    CustomEvent: [customEvent.id],
    Conversation: [conversation.id],
    CsatResponse: [csat.id],
    AnalyticsEvent: [analytics.id],
    ConversationTag: [tag.id],
    ClientCertificate: [certificate.id],
  };
  return { workspace, owner, bot, botVersion, component, channel, session, person, ids };
}

/** Per table, the ids an unfiltered read returns in `workspaceId`'s scope. */
async function visibleIds(workspaceId: string): Promise<Record<string, string[]>> {
  return withWorkspaceScope(db, workspaceId, async (tx) => {
    const entries = await Promise.all(tables.map(async (table): Promise<[string, string[]]> => [table, (await readers[table](tx)).map((row) => row.id).sort()]));
    return Object.fromEntries(entries);
  });
}

function sorted(ids: Record<Table, string[]>): Record<string, string[]> {
  return Object.fromEntries(tables.map((table): [string, string[]] => [table, [...ids[table]].sort()]));
}

const a = await seedWorkspace('a');
const b = await seedWorkspace('b');

describe('withWorkspaceScope (row-level security)', () => {
  it('covers every workspace-owned table, and only those', async () => {
    const rows = z
      .array(z.object({ tablename: z.string(), rowsecurity: z.boolean() }))
      .parse(await db.$queryRaw`SELECT tablename, rowsecurity FROM pg_tables WHERE schemaname = 'public'`);
    expect(rows.filter((row) => row.rowsecurity).map((row) => row.tablename).sort()).toEqual([...tables].sort());
    expect(rows.filter((row) => !row.rowsecurity).map((row) => row.tablename).sort()).toEqual(unscopedTables);
    // Every table with a workspaceId column is among them (a new one must get a policy).
    const withWorkspaceId = z
      .array(z.object({ table_name: z.string() }))
      .parse(await db.$queryRaw`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'workspaceId'`);
    expect(tables).toEqual(expect.arrayContaining(withWorkspaceId.map((row) => row.table_name)));
    const policies = z
      .array(z.object({ tablename: z.string(), roles: z.array(z.string()) }))
      .parse(await db.$queryRaw`SELECT tablename, roles::text[] AS roles FROM pg_policies WHERE schemaname = 'public'`);
    expect(policies.map((p) => p.tablename).sort()).toEqual([...tables].sort());
    for (const policy of policies) expect(policy.roles).toEqual(['parley_tenant']);
  });

  it('shows an unfiltered query only the scope’s rows, in every workspace-owned table', async () => {
    expect(await visibleIds(a.workspace.id)).toEqual(sorted(a.ids));
    expect(await visibleIds(b.workspace.id)).toEqual(sorted(b.ids));
    // Counts and aggregates too.
    const counts = await withWorkspaceScope(db, a.workspace.id, async (tx) => ({
      messages: await tx.message.count(),
      bots: await tx.bot.count(),
      versions: await tx.botVersion.count(),
      timers: await tx.sessionTimer.count(),
      workspaces: await tx.workspace.count(),
    }));
    expect(counts).toEqual({ messages: 1, bots: 1, versions: 1, timers: 1, workspaces: 1 });
    // The table owner (the plain client) sees both.
    expect(await db.bot.count({ where: { id: { in: [a.bot.id, b.bot.id] } } })).toBe(2);
  });

  it('shows nothing with an empty or unknown workspace', async () => {
    const none = Object.fromEntries(tables.map((table): [string, string[]] => [table, []]));
    expect(await visibleIds('')).toEqual(none);
    expect(await visibleIds(randomUUID())).toEqual(none);
  });

  it('still reads users (member lists), which are not workspace-owned', async () => {
    const users = await withWorkspaceScope(db, a.workspace.id, (tx) => tx.user.findMany({ where: { id: { in: [a.owner.id, b.owner.id] } } }));
    expect(users).toHaveLength(2);
  });

  it('refuses to write a row into another workspace', async () => {
    const attempts: Record<string, (tx: Tx) => Promise<unknown>> = {
      'a Bot of B': (tx) => tx.bot.create({ data: { workspaceId: b.workspace.id, name: 'intruder', draft: {} } }),
      'a Membership of B': (tx) => tx.membership.create({ data: { workspaceId: b.workspace.id, userId: a.owner.id, role: 'owner' } }),
      'an AuditLog entry of B': (tx) =>
        appendAuditLog(tx, { workspaceId: b.workspace.id, actor: { type: 'user', id: a.owner.id, label: 'x' }, action: 'x', target: { type: 'x', id: 'x' } }),
      'an ApiKey of B': (tx) => createApiKey(tx, { workspaceId: b.workspace.id, name: 'stolen', role: 'owner', createdById: a.owner.id }),
      'a Message of B': (tx) =>
        tx.message.create({
          data: { workspaceId: b.workspace.id, channelId: b.channel.id, direction: 'inbound', channelMessageId: 'x', contact: '+1', status: 'received' },
        }),
      'a BotVersion of B’s bot': (tx) => tx.botVersion.create({ data: { botId: b.bot.id, number: 99, flow: {} } }),
      'a ComponentVersion of B’s component': (tx) => tx.componentVersion.create({ data: { componentId: b.component.id, number: 99, document: {} } }),
      'a SessionTimer of B’s session': (tx) =>
        tx.sessionTimer.create({ data: { sessionId: b.session.id, timerId: 'x', kind: 'delay', dueAt: new Date(), channelId: b.channel.id, contact: '+1' } }),
      'a new Workspace': (tx) => tx.workspace.create({ data: { name: 'other', slug: `rls-${randomUUID()}` } }),
      'A’s bot moved to B': (tx) => tx.bot.update({ where: { id: a.bot.id }, data: { workspaceId: b.workspace.id } }),
      'A’s person moved to B': (tx) => tx.person.updateMany({ data: { workspaceId: b.workspace.id } }),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      await expect(withWorkspaceScope(db, a.workspace.id, attempt), name).rejects.toThrow(/row-level security/);
    }
    expect(await db.bot.count({ where: { name: 'intruder' } })).toBe(0);
    expect(await db.bot.findUniqueOrThrow({ where: { id: a.bot.id } })).toMatchObject({ workspaceId: a.workspace.id });
    expect(await db.apiKey.count({ where: { name: 'stolen' } })).toBe(0);
    expect(await db.botVersion.count({ where: { botId: b.bot.id } })).toBe(1);
  });

  it('cannot update or delete another workspace’s rows (they are not there)', async () => {
    const result = await withWorkspaceScope(db, a.workspace.id, async (tx) => ({
      renamed: (await tx.bot.updateMany({ where: { id: b.bot.id }, data: { name: 'hacked' } })).count,
      deletedPeople: (await tx.person.deleteMany({ where: { workspaceId: b.workspace.id } })).count,
      deletedVersions: (await tx.botVersion.deleteMany({ where: { botId: b.bot.id } })).count,
      deletedWorkspace: (await tx.workspace.deleteMany({ where: { id: b.workspace.id } })).count,
    }));
    expect(result).toEqual({ renamed: 0, deletedPeople: 0, deletedVersions: 0, deletedWorkspace: 0 });
    expect(await db.bot.findUniqueOrThrow({ where: { id: b.bot.id } })).toMatchObject({ name: 'B' });
    expect(await db.person.count({ where: { id: b.person.id } })).toBe(1);
  });

  it('ends with its transaction: the pooled connection goes back without role or workspace', async () => {
    const single = createDb(inject('databaseUrl'), { maxConnections: 1 });
    try {
      const identity = z.array(z.object({ role: z.string(), session: z.string(), workspace: z.string().nullable() }));
      const read = async (client: Tx) =>
        identity.parse(await client.$queryRaw`SELECT current_user AS role, session_user AS session, current_setting('parley.workspace_id', true) AS workspace`)[0];
      const inside = await withWorkspaceScope(single, a.workspace.id, read);
      expect(inside).toMatchObject({ role: 'parley_tenant', workspace: a.workspace.id });
      const after = await read(single);
      expect(after?.role).toBe(after?.session);
      expect(after?.workspace ?? '').toBe('');
      await expect(withWorkspaceScope(single, a.workspace.id, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      const afterFailure = await read(single);
      expect(afterFailure?.role).toBe(afterFailure?.session);
      expect(await single.bot.count({ where: { id: { in: [a.bot.id, b.bot.id] } } })).toBe(2);
    } finally {
      await single.$disconnect();
    }
  });

  it('runs publishBot, publishBotFlow and publishComponent inside the scope’s transaction', async () => {
    const [v2, v3, c2] = await withWorkspaceScope(db, a.workspace.id, async (tx) => [
      await publishBot(tx, a.bot.id),
      await publishBotFlow(tx, a.bot.id, async (draft) => ({ built: draft })),
      await publishComponent(tx, a.component.id),
    ]);
    expect([v2?.number, v3?.number, c2?.number]).toEqual([2, 3, 2]);
    expect(v3).toMatchObject({ flow: { built: { v: 1 } } });
    // B's bot is not there for A.
    await expect(withWorkspaceScope(db, a.workspace.id, (tx) => publishBot(tx, b.bot.id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(withWorkspaceScope(db, a.workspace.id, (tx) => publishComponent(tx, b.component.id))).rejects.toBeInstanceOf(NotFoundError);
    // The scope rolls back: so does the publish inside it.
    await expect(
      withWorkspaceScope(db, a.workspace.id, async (tx) => {
        await publishBot(tx, a.bot.id);
        throw new Error('after publishing');
      }),
    ).rejects.toThrow('after publishing');
    expect(await db.botVersion.count({ where: { botId: a.bot.id } })).toBe(3);
    await db.botVersion.deleteMany({ where: { botId: a.bot.id, number: { gt: 1 } } });
    await db.componentVersion.deleteMany({ where: { componentId: a.component.id, number: { gt: 1 } } });
  });
});

describe('repositories inside the scope (as the API calls them)', () => {
  it('manage members, invitations, API keys and the audit log of the scope’s workspace', async () => {
    const c = await seedWorkspace('c');
    const builder = await db.membership.findFirstOrThrow({ where: { workspaceId: c.workspace.id, role: 'builder' } });
    const result = await withWorkspaceScope(db, c.workspace.id, async (tx) => {
      const members = await listMembers(tx, c.workspace.id);
      const change = await changeMemberRole(tx, { workspaceId: c.workspace.id, userId: builder.userId, role: 'analyst' });
      const lastOwner = await changeMemberRole(tx, { workspaceId: c.workspace.id, userId: c.owner.id, role: 'agent' }).catch((error: unknown) => error);
      const { invitation } = await createInvitation(tx, { workspaceId: c.workspace.id, email: 'new@c.test', role: 'agent', invitedById: c.owner.id });
      const revokedInvitation = await revokeInvitation(tx, { workspaceId: c.workspace.id, invitationId: invitation.id });
      const invitations = await listInvitations(tx, c.workspace.id);
      const { apiKey } = await createApiKey(tx, { workspaceId: c.workspace.id, name: 'scoped', role: 'analyst', createdById: c.owner.id });
      const revokedKey = await revokeApiKey(tx, { workspaceId: c.workspace.id, apiKeyId: apiKey.id });
      const keys = await listApiKeys(tx, c.workspace.id);
      await appendAuditLog(tx, { workspaceId: c.workspace.id, actor: { type: 'user', id: c.owner.id, label: 'o' }, action: 'member.role-changed', target: { type: 'member', id: builder.userId } });
      const log = await listAuditLog(tx, { workspaceId: c.workspace.id });
      const removed = await removeMember(tx, { workspaceId: c.workspace.id, userId: builder.userId });
      // Another workspace's member is not there.
      const foreign = await removeMember(tx, { workspaceId: a.workspace.id, userId: a.owner.id }).catch((error: unknown) => error);
      return { members: members.length, change, lastOwner, revokedInvitation, invitations: invitations.length, revokedKey, keys: keys.length, log: log.entries.length, removed, foreign };
    });
    expect(result).toMatchObject({
      members: 2,
      change: { before: 'builder', after: 'analyst' },
      lastOwner: { code: 'last-owner' },
      revokedInvitation: true,
      invitations: 2,
      revokedKey: true,
      keys: 2,
      log: 2,
      removed: 'analyst',
      foreign: { code: 'not-found' },
    });
    expect(await db.membership.count({ where: { workspaceId: a.workspace.id } })).toBe(2);
  });
});

describe('the row-level security migration', () => {
  it('applies to fresh databases of one cluster, concurrently, with the role already there', async () => {
    const scratches = await Promise.all([createScratchDatabase(), createScratchDatabase()]);
    try {
      // The run's own database was migrated by the global setup: parley_tenant exists already.
      const results = await Promise.all(scratches.map((scratch) => migrate(scratch.url)));
      for (const result of results) expect(result.applied).toContain('20261207090000_workspace_row_level_security');
      for (const scratch of scratches) {
        const client = new pg.Client({ connectionString: scratch.url });
        await client.connect();
        try {
          const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND rowsecurity");
          expect(rows).toEqual([{ n: tables.length }]);
          const roles = await client.query("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'parley_tenant'");
          expect(roles.rows).toEqual([{ rolcanlogin: false }]);
        } finally {
          await client.end();
        }
      }
    } finally {
      for (const scratch of scratches) await scratch.drop();
    }
  });
});
