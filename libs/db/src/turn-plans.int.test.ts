import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './create-db';
import { createMigratedScratchDatabase } from './create-scratch-database';
import { createTestFixture, type TestFixture } from './create-test-fixture';
import { Prisma } from './generated/client';
import { markInboundProcessedStatement } from './mark-inbound-processed';
import { markSessionCallsAppliedStatement } from './session-call-statements';
import { updateActiveSessionsStatement } from './update-session';

// Its own database: its statistics are part of what is tested (taken by ANALYZE here,
// never by autovacuum meanwhile), and no other test file's rows may change them.
let db: Db;
let drop: () => Promise<void> = async () => undefined;
let quiet: TestFixture;
let flood: TestFixture;
beforeAll(async () => {
  ({ db, drop } = await createMigratedScratchDatabase());
  await db.$executeRawUnsafe(`ALTER TABLE "Message" SET (autovacuum_enabled = false)`);
  await db.$executeRawUnsafe(`ALTER TABLE "Session" SET (autovacuum_enabled = false)`);
  await db.$executeRawUnsafe(`ALTER TABLE "SessionCall" SET (autovacuum_enabled = false)`);
  quiet = await createTestFixture(db);
  flood = await createTestFixture(db);
});
afterAll(() => drop());

/** Rows of `table` that the statement's plan read (returned by its scans, or read and filtered out), the statement rolled back. */
async function rowsRead(statement: Prisma.Sql, table: string): Promise<number> {
  type PlanNode = { 'Relation Name'?: string; 'Actual Rows'?: number; 'Actual Loops'?: number; 'Rows Removed by Filter'?: number; Plans?: PlanNode[] };
  let read = 0;
  const visit = (node: PlanNode): void => {
    if (node['Relation Name'] === table && node['Actual Rows'] !== undefined) {
      read += (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1);
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  const rollback = new Error('rollback');
  await db
    .$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>`EXPLAIN (ANALYZE, FORMAT JSON) ${statement}`;
      if (row) visit(row['QUERY PLAN'][0].Plan);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return read;
}

/** `count` messages of the fixture's channel, inserted in one statement. */
async function insertMessages(fixture: TestFixture, count: number, direction: 'inbound' | 'outbound', status: string, tag: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Message" ("id", "workspaceId", "channelId", "direction", "channelMessageId", "contact", "text", "status")
    SELECT gen_random_uuid()::text, ${fixture.workspace.id}, ${fixture.channel.id}, ${direction}, ${tag} || '-' || g, 'contact-' || (g % 200), 'hi', ${status}
    FROM generate_series(1, ${count}::int) AS g
    RETURNING "id"`;
  return rows.map((row) => row.id);
}

/** `count` sessions of the fixture's bot, in one statement; ended ones hold no activeKey. */
async function insertSessions(fixture: TestFixture, count: number, status: 'active' | 'completed', tag: string): Promise<{ id: string; version: number }[]> {
  return db.$queryRaw<{ id: string; version: number }[]>`
    INSERT INTO "Session" ("id", "workspaceId", "botId", "botVersionId", "channelId", "contact", "status", "state", "activeKey", "updatedAt", "closedAt")
    SELECT gen_random_uuid()::text, ${fixture.workspace.id}, ${fixture.bot.id}, ${fixture.version.id}, ${fixture.channel.id}, ${tag} || '-' || g, ${status}, '{}'::jsonb,
           CASE WHEN ${status} = 'active' THEN ${fixture.channel.id} || '/' || ${tag} || '-' || g END, now(), CASE WHEN ${status} = 'active' THEN NULL ELSE now() END
    FROM generate_series(1, ${count}::int) AS g
    RETURNING "id", "version"`;
}

/** `count` calls of one of the fixture's active sessions, in one statement. */
async function insertCalls(fixture: TestFixture, count: number, status: 'applied' | 'done', tag: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "SessionCall" ("id", "workspaceId", "botId", "sessionId", "channelId", "contact", "key", "name", "call", "status", "result", "completedAt")
    SELECT gen_random_uuid()::text, s."workspaceId", s."botId", s."id", s."channelId", s."contact", ${tag} || '-' || g, 'http', '{}'::jsonb, ${status}, '{}'::jsonb, now()
    FROM (SELECT * FROM "Session" WHERE "workspaceId" = ${fixture.workspace.id} AND "status" = 'active' LIMIT 1) AS s, generate_series(1, ${count}::int) AS g
    RETURNING "id"`;
  return rows.map((row) => row.id);
}

// What every workspace's turn writes must find its own rows by key, whatever another
// workspace has waiting: a flood's backlog must not be read, row by row, by everyone
// else's turns. The statistics are those of an ordinary moment (unprocessed messages
// rare, most sessions ended), when the planner is most tempted by a status index.
describe("a turn's writes and another workspace's backlog", () => {
  it('marks its inbound message processed without reading the flood’s waiting messages', async () => {
    await insertMessages(quiet, 2_000, 'inbound', 'processed', 'history-in');
    await insertMessages(quiet, 2_000, 'outbound', 'sent', 'history-out');
    await db.$executeRawUnsafe(`ANALYZE "Message"`);
    await insertMessages(flood, 300, 'inbound', 'received', 'backlog');
    const [mine] = await insertMessages(quiet, 1, 'inbound', 'received', 'now');

    const read = await rowsRead(markInboundProcessedStatement([{ messageIds: [mine ?? ''], sessionId: null }]), 'Message');
    expect(read).toBe(1);
  });

  it('saves its session without reading the flood’s active sessions', async () => {
    await insertSessions(quiet, 2_000, 'completed', 'ended');
    await db.$executeRawUnsafe(`ANALYZE "Session"`);
    await insertSessions(flood, 300, 'active', 'flood');
    const [mine] = await insertSessions(quiet, 1, 'active', 'now');

    const statement = updateActiveSessionsStatement([{ id: mine?.id ?? '', expectedVersion: mine?.version ?? 0, state: { node: 'a' }, expiresAt: null }]);
    expect(await rowsRead(statement, 'Session')).toBe(1);
  });

  it('applies its call result without reading the results other workspaces have waiting', async () => {
    await insertSessions(quiet, 1, 'active', 'caller');
    await insertSessions(flood, 1, 'active', 'caller');
    await insertCalls(quiet, 2_000, 'applied', 'history');
    await db.$executeRawUnsafe(`ANALYZE "SessionCall"`);
    await insertCalls(flood, 300, 'done', 'flood');
    const [mine] = await insertCalls(quiet, 1, 'done', 'now');

    expect(await rowsRead(markSessionCallsAppliedStatement([mine ?? '']), 'SessionCall')).toBe(1);
  });
});
