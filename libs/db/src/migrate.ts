import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { z } from 'zod';
import { isPgError } from './is-pg-error';
import { migrationChecksum, scriptMatchesChecksum } from './migration-checksum';
import { MigrationError } from './migration-error';

/** prisma/migrations at the repository root. */
export const defaultMigrationsDir = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

/**
 * The advisory lock key Prisma Migrate itself takes, so this migrator and a
 * `prisma migrate deploy` on the same database also serialize with each other.
 */
const migrateLockKey = 72707369;

/** Prisma Migrate's own DDL for its history table (PostgreSQL flavour). */
const createMigrationsTableSql = `
CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

const historyRowSchema = z.object({
  migration_name: z.string(),
  checksum: z.string(),
  finished_at: z.date().nullable(),
  rolled_back_at: z.date().nullable(),
});

export type MigrateOptions = {
  /** Folder holding `<name>/migration.sql` folders (default: the repository's prisma/migrations). */
  migrationsDir?: string;
  /** How long to wait for another process's migration run to finish (default 5 minutes). */
  lockTimeoutMs?: number;
};

type MigrationFile = { name: string; script: string; checksum: string };

/**
 * Applies every pending migration folder, in name order, to `databaseUrl`.
 *
 * Promises, so that `prisma migrate deploy` on a connected machine agrees with
 * the result:
 * - history lives in `_prisma_migrations`, created with Prisma's DDL if
 *   missing, one row per migration (uuid id, checksum = sha256 hex of the
 *   migration.sql bytes, started_at, finished_at, applied_steps_count 1, logs
 *   null);
 * - each migration and its history row commit in one transaction, so a failed
 *   migration leaves neither schema changes nor a row behind (its SQL must
 *   therefore be transaction-safe: no CREATE INDEX CONCURRENTLY);
 * - concurrent callers serialize on Prisma's advisory lock; the later ones find
 *   nothing left to do;
 * - an applied migration whose file changed since (checksum mismatch), or one
 *   Prisma recorded as failed, is a MigrationError naming it, and nothing after
 *   it is applied.
 * Returns the names it applied (empty when the database was up to date).
 */
export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await acquireMigrateLock(client, options.lockTimeoutMs ?? 300_000);
    try {
      await client.query(createMigrationsTableSql);
      const history = historyRowSchema
        .array()
        .parse((await client.query('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations')).rows);
      const applied: string[] = [];
      for (const migration of migrations) {
        const rows = history.filter((row) => row.migration_name === migration.name && row.rolled_back_at === null);
        if (rows.some((row) => row.finished_at === null)) {
          throw new MigrationError(
            migration.name,
            'is recorded as started but not finished (a failed run). Fix the database by hand, then resolve it with `prisma migrate resolve`.',
          );
        }
        const done = rows.find((row) => row.finished_at !== null);
        if (done) {
          if (!scriptMatchesChecksum(migration.script, done.checksum)) {
            throw new MigrationError(
              migration.name,
              `was applied with checksum ${done.checksum}, but migration.sql now has ${migration.checksum}. Applied migrations must not be edited; add a new migration instead.`,
            );
          }
          continue;
        }
        await applyMigration(client, migration);
        applied.push(migration.name);
      }
      return { applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrateLockKey]);
    }
  } finally {
    await client.end();
  }
}

async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(path.join(migrationsDir, name, 'migration.sql'));
      } catch (error) {
        throw new MigrationError(name, `has no readable migration.sql in ${migrationsDir}`, { cause: error });
      }
      return { name, script: bytes.toString('utf8'), checksum: migrationChecksum(bytes) };
    }),
  );
}

async function acquireMigrateLock(client: pg.Client, timeoutMs: number): Promise<void> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrateLockKey]);
  } catch (error) {
    if (isPgError(error, '55P03')) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for the migration lock: another migration run holds it`, { cause: error });
    }
    throw error;
  } finally {
    await client.query('RESET lock_timeout');
  }
}

async function applyMigration(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, applied_steps_count)
       VALUES ($1, $2, $3, NULL, clock_timestamp(), 0)`,
      [id, migration.checksum, migration.name],
    );
    // No parameters: the simple query protocol runs the whole multi-statement script.
    await client.query(migration.script);
    await client.query('UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1', [id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(migration.name, `failed and was rolled back: ${reason}`, { cause: error });
  }
}
