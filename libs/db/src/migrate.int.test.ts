import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { createScratchDatabase } from './create-scratch-database';
import { dropDatabase } from './drop-database';
import { ensureDatabase } from './ensure-database';
import { defaultMigrationsDir, migrate } from './migrate';
import { migrationChecksum } from './migration-checksum';
import { MigrationError } from './migration-error';

const scratch: Array<() => Promise<void>> = [];
async function freshDatabase(): Promise<string> {
  const { url, drop } = await createScratchDatabase();
  scratch.push(drop);
  return url;
}

async function query(databaseUrl: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const historyRowSchema = z.object({
  id: z.string(),
  checksum: z.string(),
  migration_name: z.string(),
  logs: z.string().nullable(),
  started_at: z.date(),
  finished_at: z.date().nullable(),
  rolled_back_at: z.date().nullable(),
  applied_steps_count: z.number(),
});

afterAll(async () => {
  for (const drop of scratch) await drop();
});

describe('migrate', () => {
  it('applies every migration to an empty database, then is a no-op', async () => {
    const url = await freshDatabase();
    const names = (await readdir(defaultMigrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(names.length).toBeGreaterThan(0);

    expect(await migrate(url)).toEqual({ applied: names });
    expect(await migrate(url)).toEqual({ applied: [] });

    const tables = z
      .array(z.object({ table_name: z.string() }))
      .parse(await query(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
      .map((row) => row.table_name);
    expect(tables).toEqual(expect.arrayContaining(['_prisma_migrations', 'Workspace', 'Message', 'Session']));
  });

  it('records history exactly as Prisma Migrate does', async () => {
    const url = await freshDatabase();
    await migrate(url);
    const rows = historyRowSchema.array().parse(await query(url, 'SELECT * FROM _prisma_migrations ORDER BY migration_name'));
    for (const row of rows) {
      const bytes = await readFile(path.join(defaultMigrationsDir, row.migration_name, 'migration.sql'));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.checksum).toBe(migrationChecksum(bytes));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
    // Prisma's column types, so `prisma migrate deploy` reads the same table.
    const columns = z
      .array(z.object({ column_name: z.string(), data_type: z.string() }))
      .parse(
        await query(
          url,
          "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position",
        ),
      );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying' },
      { column_name: 'checksum', data_type: 'character varying' },
      { column_name: 'finished_at', data_type: 'timestamp with time zone' },
      { column_name: 'migration_name', data_type: 'character varying' },
      { column_name: 'logs', data_type: 'text' },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone' },
      { column_name: 'started_at', data_type: 'timestamp with time zone' },
      { column_name: 'applied_steps_count', data_type: 'integer' },
    ]);
  });

  it('serializes concurrent runs: the migration is applied once', async () => {
    const url = await freshDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flatMap((result) => result.applied).sort()).toEqual(
      (await readdir(defaultMigrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort(),
    );
    expect(await query(url, 'SELECT migration_name FROM _prisma_migrations')).toHaveLength(results.flatMap((r) => r.applied).length);
  });

  it('refuses an applied migration whose file changed, naming it', async () => {
    const url = await freshDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-migrations-'));
    try {
      await cp(defaultMigrationsDir, dir, { recursive: true });
      await migrate(url, { migrationsDir: dir });
      const [first] = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
      if (!first) throw new Error('no migrations');
      const file = path.join(dir, first, 'migration.sql');
      await writeFile(file, `${await readFile(file, 'utf8')}\n-- edited after it was applied\n`);
      const error = await migrate(url, { migrationsDir: dir }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MigrationError);
      expect(error).toMatchObject({ migrationName: first });
      expect(String(error)).toContain(first);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const url = await freshDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-migrations-'));
    try {
      await cp(defaultMigrationsDir, dir, { recursive: true });
      const broken = '99990101000000_broken';
      await mkdir(path.join(dir, broken));
      await writeFile(path.join(dir, broken, 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT);\nSELECT * FROM "NoSuchTable";\n');
      const error = await migrate(url, { migrationsDir: dir }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ migrationName: broken });
      expect(await query(url, `SELECT 1 FROM _prisma_migrations WHERE migration_name = '${broken}'`)).toHaveLength(0);
      expect(await query(url, "SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'")).toHaveLength(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('ensureDatabase is idempotent and dropDatabase removes a database that still has connections', async () => {
    const url = await freshDatabase();
    expect(await ensureDatabase(url)).toEqual({ created: false });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    client.on('error', () => undefined); // the drop terminates this connection
    await dropDatabase(url);
    const name = new URL(url).pathname.slice(1);
    expect(await query(inject('databaseUrl'), `SELECT 1 FROM pg_database WHERE datname = '${name}'`)).toHaveLength(0);
    await client.end().catch(() => undefined);
  });
});
