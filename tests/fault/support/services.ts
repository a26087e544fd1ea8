import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Stops, starts and checks the machine's local Postgres and Redis, as the fault
 * tests need (see ENVIRONMENT.md). Every test calls `ensureServices()` in a
 * `finally`, so both are running again even when the test fails.
 */
const run = promisify(execFile);
const postgresUrl = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const redisPort = 6379;

function clusterVersion(): string {
  const [version] = readdirSync('/etc/postgresql');
  if (!version) throw new Error('no Postgres cluster under /etc/postgresql');
  return version;
}

export async function isPostgresUp(): Promise<boolean> {
  const client = new pg.Client({ connectionString: `${postgresUrl}/postgres`, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function isRedisUp(): Promise<boolean> {
  const redis = new Redis({ host: '127.0.0.1', port: redisPort, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not reached after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function pgCtl(action: 'start' | 'stop' | 'restart'): Promise<void> {
  const args = ['--skip-systemctl-redirect', clusterVersion(), 'main', action, ...(action === 'start' ? [] : ['-m', 'fast'])];
  await run('pg_ctlcluster', args).catch((error: unknown) => {
    // "already running" / "not running" are fine: the wait below checks the outcome.
    if (!(error instanceof Error) || !/already running|not running/i.test(error.message)) throw error;
  });
}

export async function stopPostgres(): Promise<void> {
  await pgCtl('stop');
  await waitUntil('Postgres stopped', async () => !(await isPostgresUp()));
}

export async function startPostgres(): Promise<void> {
  await pgCtl('start');
  await waitUntil('Postgres up', isPostgresUp);
}

async function startRedis(): Promise<void> {
  await run('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(redisPort), '--save', '', '--appendonly', 'no']);
  await waitUntil('Redis up', isRedisUp);
}

/** Restarts the local Redis as an outage would: it keeps nothing on disk, so it comes back empty. */
export async function restartRedis(): Promise<void> {
  await run('redis-cli', ['-p', String(redisPort), 'shutdown', 'nosave']).catch(() => undefined);
  await waitUntil('Redis stopped', async () => !(await isRedisUp()));
  await startRedis();
}

/** Starts whichever of Postgres and Redis is not running, and waits until both answer. */
export async function ensureServices(): Promise<void> {
  if (!(await isPostgresUp())) await startPostgres();
  if (!(await isRedisUp())) await startRedis();
}

/** FLUSHDB on the fault suite's own Redis database (never the whole Redis). */
export async function flushRedisDatabase(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}
