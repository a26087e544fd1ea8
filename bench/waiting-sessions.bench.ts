import { Redis } from 'ioredis';
import pg from 'pg';
import { createQueues, expiryWakeUpJob } from '@parley/queue';
import { defaultTimerHorizonMs, dispatchEffects, emptyEffects } from '@parley/runner';
import { replyTimeoutFlow } from '../tests/support/reply-timeout-flow';
import { percentile, type BenchRow, type BenchSuite } from './bench-suite';
import { startBenchPlatform } from './support/bench-platform';

const sessions = Number(process.env['BENCH_WAITING_SESSIONS'] ?? 100_000);
/** Sessions whose reply timeout comes due during the run (the rest are due 1–4 h later). */
const firing = Number(process.env['BENCH_WAITING_FIRING'] ?? 2_000);
/** The firing timers come due evenly over this window, starting 30 s after they were scheduled. */
const firingWindowMs = 40_000;
const question = 'What is your order number?';
const fallback = 'No answer, so I will stop here. Write again any time.';

/**
 * 100,000 sessions (BENCH_WAITING_SESSIONS), each waiting on a reply timeout, as
 * Parley holds them: a Session row (with its expiry time), its pending
 * SessionTimer row (the reply timeout) and its two messages in Postgres, and in
 * Redis the delayed jobs a turn dispatches for them (dispatchEffects: the reply timeout
 * and the session's expiry wake-up, each only if due within the timer horizon, 10 min;
 * the reconciler queues the others as they come within it). One session is started through the real platform (the
 * reply-timeout bot: "What is your order number?", 15 s timeout); the others are
 * copies of it written in bulk (the same rows and jobs a turn writes; starting
 * 100,000 sessions through the API would take this machine many minutes).
 * Measured: Redis and Postgres memory per waiting session, and how late the
 * timeouts of 2,000 of them (BENCH_WAITING_FIRING), due over 40 s, reach the user:
 * from the due time to the fallback reply arriving at the channel receiver
 * (timer job + turn + delivery), with one worker running and the 100,000 jobs waiting.
 */
export const waitingSessionsBench: BenchSuite = {
  name: 'waiting-sessions',
  run: async () => {
    const bench = await startBenchPlatform({ suite: 'waiting-sessions', flow: replyTimeoutFlow, workers: 1, apis: 1 });
    const pool = new pg.Pool({ connectionString: bench.databaseUrl, max: 2 });
    const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    const queues = createQueues({ redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', prefix: bench.redisPrefix });
    try {
      const asked = bench.clock.expect('template', question);
      await bench.sender.send(bench.sender.prepare('template', 'hi'));
      await asked;
      const template = await pool.query<{ id: string }>(`SELECT "id" FROM "Session" WHERE "contact" = 'template' AND "status" = 'active'`);
      const templateId = template.rows[0]?.id;
      if (!templateId) throw new Error('the template session was not created');

      const redisBefore = await redisUsedMemory(redis);
      const postgresBefore = await postgresSizes(pool);
      const cloneStarted = performance.now();
      const clones = await cloneSessions(pool, templateId, sessions);
      const now = Date.now();
      const firingDue = (index: number): number => now + 30_000 + Math.floor((index * firingWindowMs) / firing);
      const timers = await cloneTimers(pool, templateId, clones, (index) =>
        index < firing ? firingDue(index) : now + 3_600_000 + Math.floor(Math.random() * 3 * 3_600_000),
      );
      const wakeUps = clones.map((clone) => expiryWakeUpJob({ channelId: clone.channelId, contact: clone.contact, sessionId: clone.id, dueAt: now + 3_600_000 }));
      for (let start = 0; start < timers.length; start += 2_000) {
        const effects = { ...emptyEffects(), timers: timers.slice(start, start + 2_000), wakeUps: wakeUps.slice(start, start + 2_000) };
        await dispatchEffects(queues, effects, Date.now());
      }
      const jobs = await queues.timers.getJobCounts('delayed', 'waiting');
      const jobCount = (jobs['delayed'] ?? 0) + (jobs['waiting'] ?? 0);
      const cloneSeconds = (performance.now() - cloneStarted) / 1_000;
      const redisAfter = await redisUsedMemory(redis);
      const postgresAfter = await postgresSizes(pool);

      const lateness = await Promise.all(
        clones.slice(0, firing).map(async ({ contact }, index) => {
          const arrivedAt = performance.timeOrigin + (await bench.clock.expect(contact, fallback));
          return arrivedAt - firingDue(index);
        }),
      );
      const redisMb = (redisAfter - redisBefore) / 1_048_576;
      const postgresMb = (postgresAfter.database - postgresBefore.database) / 1_048_576;
      const rows: BenchRow[] = [
        {
          name: `${sessions} waiting sessions: Redis (jobs only for timers due within ${defaultTimerHorizonMs / 60_000} min)`,
          figures: { used_mb: redisMb, kb_per_session: (redisMb * 1_024) / sessions, jobs: jobCount },
          target: '≤ 120 MB of Redis',
          met: redisMb <= 120,
        },
        {
          name: `worst case: every one of them due within the horizon (1 job each, ${((redisMb * 1_024) / Math.max(1, jobCount)).toFixed(2)} KB per job measured)`,
          figures: { estimated_mb: (redisMb / Math.max(1, jobCount)) * sessions },
        },
        {
          name: `${sessions} waiting sessions: Postgres (session, 1 timer, 2 messages each)`,
          figures: {
            database_mb: postgresMb,
            kb_per_session: (postgresMb * 1_024) / sessions,
            session_mb: (postgresAfter.session - postgresBefore.session) / 1_048_576,
            timer_mb: (postgresAfter.timer - postgresBefore.timer) / 1_048_576,
            message_mb: (postgresAfter.message - postgresBefore.message) / 1_048_576,
          },
        },
        { name: `writing them (bulk SQL + ${jobCount} BullMQ adds)`, figures: { seconds: cloneSeconds } },
        {
          name: `timeout lateness, ${firing} due over ${firingWindowMs / 1_000} s (due → fallback at the receiver)`,
          figures: { p50_ms: percentile(lateness, 50), p99_ms: percentile(lateness, 99), max_ms: Math.max(...lateness), fired: lateness.length },
          target: 'p99 < 1 s',
          met: percentile(lateness, 99) < 1_000,
        },
      ];
      return rows;
    } finally {
      await queues.close();
      redis.disconnect();
      await pool.end();
      await bench.stop();
    }
  },
};

type Clone = { id: string; contact: string; channelId: string };
type TimerJobInput = { channelId: string; contact: string; sessionId: string; timerId: string; kind: string; dueAt: number };

/** `count` copies of the template session (state, messages), contacts waiting-<n>, in one statement each. */
async function cloneSessions(pool: pg.Pool, templateId: string, count: number): Promise<Clone[]> {
  const created = await pool.query<Clone>(
    `WITH s AS (SELECT n, gen_random_uuid()::text AS id, 'waiting-' || n AS contact FROM generate_series(0, $2::int - 1) n)
     INSERT INTO "Session" ("id", "workspaceId", "botId", "botVersionId", "channelId", "contact", "status", "state", "version", "activeKey", "createdAt", "updatedAt", "lastActivityAt", "expiresAt")
     SELECT s.id, t."workspaceId", t."botId", t."botVersionId", t."channelId", s.contact, 'active',
            replace(replace(t."state"::text, t.id, s.id), '"template"', to_json(s.contact)::text)::jsonb,
            t."version", t."channelId" || ':' || s.contact, now(), now(), now(), (now() AT TIME ZONE 'UTC') + interval '1 hour'
     FROM s CROSS JOIN "Session" t WHERE t.id = $1
     ORDER BY s.n
     RETURNING "id", "contact", "channelId"`,
    [templateId, count],
  );
  await pool.query(
    `INSERT INTO "Message" ("id", "workspaceId", "channelId", "sessionId", "direction", "channelMessageId", "contact", "text", "payload", "status", "attempts", "createdAt", "processedAt", "sentAt")
     SELECT gen_random_uuid()::text, m."workspaceId", m."channelId", s.id, m."direction", replace(m."channelMessageId", $1, s.id) || CASE WHEN m."direction" = 'inbound' THEN ':' || s.id ELSE '' END,
            s."contact", m."text", m."payload",
            -- The template's question may not be marked sent yet when it is copied: copies are sent.
            CASE WHEN m."direction" = 'outbound' THEN 'sent' ELSE m."status" END, m."attempts", now(), m."processedAt",
            CASE WHEN m."direction" = 'outbound' THEN now() ELSE NULL END
     FROM "Session" s JOIN "Message" m ON m."sessionId" = $1
     WHERE s."contact" LIKE 'waiting-%'`,
    [templateId],
  );
  return created.rows;
}

/** The template's pending timers (its reply timeout) for every clone, due when `dueAt` says; returns the jobs to schedule. */
async function cloneTimers(pool: pg.Pool, templateId: string, clones: Clone[], dueAt: (index: number) => number): Promise<TimerJobInput[]> {
  const template = await pool.query<{ timerId: string; kind: string; channelId: string }>(
    `SELECT "timerId", "kind", "channelId" FROM "SessionTimer" WHERE "sessionId" = $1 AND "status" = 'pending' ORDER BY "kind"`,
    [templateId],
  );
  const jobs: TimerJobInput[] = clones.flatMap((clone, index) =>
    template.rows.map((timer) => ({ channelId: timer.channelId, contact: clone.contact, sessionId: clone.id, timerId: timer.timerId, kind: timer.kind, dueAt: dueAt(index) })),
  );
  for (let start = 0; start < jobs.length; start += 20_000) {
    const page = jobs.slice(start, start + 20_000);
    await pool.query(
      `INSERT INTO "SessionTimer" ("id", "sessionId", "timerId", "kind", "dueAt", "channelId", "contact", "status", "createdAt")
       SELECT gen_random_uuid()::text, t.session_id, t.timer_id, t.kind, to_timestamp(t.due_at / 1000.0), t.channel_id, t.contact, 'pending', now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::text[]) AS t(session_id, timer_id, kind, due_at, channel_id, contact)`,
      [page.map((job) => job.sessionId), page.map((job) => job.timerId), page.map((job) => job.kind), page.map((job) => job.dueAt), page.map((job) => job.channelId), page.map((job) => job.contact)],
    );
  }
  return jobs;
}

async function redisUsedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  const match = /used_memory:(\d+)/.exec(info);
  if (!match?.[1]) throw new Error('Redis INFO memory has no used_memory');
  return Number(match[1]);
}

/** Bytes on disk (tables + indexes + TOAST) of the database and of the three tables a waiting session uses. */
async function postgresSizes(pool: pg.Pool): Promise<{ database: number; session: number; timer: number; message: number }> {
  await pool.query('CHECKPOINT').catch(() => undefined);
  const result = await pool.query<{ database: string; session: string; timer: string; message: string }>(
    `SELECT pg_database_size(current_database()) AS database, pg_total_relation_size('"Session"') AS session,
            pg_total_relation_size('"SessionTimer"') AS timer, pg_total_relation_size('"Message"') AS message`,
  );
  const row = result.rows[0];
  if (!row) throw new Error('no size row');
  return { database: Number(row.database), session: Number(row.session), timer: Number(row.timer), message: Number(row.message) };
}
