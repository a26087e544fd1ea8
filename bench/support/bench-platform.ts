import type { Flow } from '@parley/engine';
import { deleteKeys } from '@parley/queue';
import { startPlatform, type Platform } from '../../tests/support/start-platform';
import { ReplyClock } from './reply-clock';
import { scratchDatabase } from './scratch-database';
import { SignedSender } from './signed-sender';

export type BenchPlatform = {
  platform: Platform;
  databaseUrl: string;
  redisPrefix: string;
  clock: ReplyClock;
  /** Where the platform's channels send their replies (the clock). */
  outboundUrl: string;
  sender: SignedSender;
  stop: () => Promise<void>;
};

export type BenchPlatformOptions = {
  suite: string;
  flow: Flow;
  apis?: number;
  workers?: number;
  workerEnv?: Record<string, string>;
  apiEnv?: Record<string, string>;
};

/**
 * A real Parley for a benchmark: a scratch database, its own Redis prefix
 * (REDIS_URL, default redis://127.0.0.1:6379), `flow` published on an HTTP
 * channel whose replies go to a ReplyClock, and API and worker processes
 * started as `npm start` starts them (logs at `warn`). BENCH_PROFILE=1 runs
 * them with `--cpu-prof` (profiles in bench/results/profiles, written when they stop);
 * BENCH_NODE_ARGS adds Node options to both (space-separated, e.g. a V8 flag under test).
 */
export async function startBenchPlatform(options: BenchPlatformOptions): Promise<BenchPlatform> {
  const database = await scratchDatabase(options.suite);
  const clock = new ReplyClock();
  const outboundUrl = await clock.start();
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  // Short, like a deployment's ("parley"): every job key carries it, so it counts in Redis memory.
  const redisPrefix = `pb${Date.now().toString(36)}`;
  const profile = process.env['BENCH_PROFILE'] === '1' ? ['--cpu-prof', `--cpu-prof-dir=${import.meta.dirname}/../results/profiles`] : [];
  const nodeArgs = [...profile, ...(process.env['BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? [])];
  const platform = await startPlatform({
    databaseUrl: database.url,
    redisUrl,
    redisPrefix,
    flow: options.flow,
    outboundUrl,
    ...(options.apis === undefined ? {} : { apis: options.apis }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.workerEnv ? { workerEnv: options.workerEnv } : {}),
    ...(options.apiEnv ? { apiEnv: options.apiEnv } : {}),
    nodeArgs: { api: nodeArgs, worker: nodeArgs },
  });
  const sender = new SignedSender(platform.apiUrls, platform.channelId, platform.webhookSecret);
  return {
    platform,
    databaseUrl: database.url,
    redisPrefix,
    clock,
    outboundUrl,
    sender,
    stop: async () => {
      await sender.close();
      await platform.stop();
      await clock.stop();
      await database.drop();
      await deleteKeys(redisUrl, `${redisPrefix}:*`);
    },
  };
}

