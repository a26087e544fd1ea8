import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './create-db';
import { createMigratedScratchDatabase } from './create-scratch-database';
import { findAutovacuumGaps } from './find-autovacuum-gaps';
import { sqlClientOf } from './sql-client';

// Its own database: a table's storage parameters are changed here.
let db: Db;
let drop: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ db, drop } = await createMigratedScratchDatabase());
});
afterAll(() => drop());

describe('findAutovacuumGaps', () => {
  it("names the tables autovacuum is switched off for, and says whether the server's autovacuum is off", async () => {
    const [server] = await db.$queryRawUnsafe<{ autovacuum: string }[]>('SHOW autovacuum');
    expect(await findAutovacuumGaps(sqlClientOf(db))).toEqual({ serverOff: server?.autovacuum === 'off', tablesOff: [] });

    await db.$executeRawUnsafe(`ALTER TABLE "Session" SET (autovacuum_enabled = false)`);
    await db.$executeRawUnsafe(`ALTER TABLE "Message" SET (autovacuum_enabled = false, fillfactor = 90)`);
    expect((await findAutovacuumGaps(sqlClientOf(db))).tablesOff).toEqual(['Message', 'Session']);

    await db.$executeRawUnsafe(`ALTER TABLE "Message" RESET (autovacuum_enabled)`);
    expect((await findAutovacuumGaps(sqlClientOf(db))).tablesOff).toEqual(['Session']);
  });
});
