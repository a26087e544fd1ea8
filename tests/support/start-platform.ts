import { randomUUID } from 'node:crypto';
import { generateWebhookSecret, signHttpPayload } from '@parley/channels';
import { createBot, createChannel, createDb, createWorkspace, publishBot, type Db } from '@parley/db';
import type { Flow } from '@parley/engine';
import { freePort } from './free-port';
import { ReplyReceiver } from './reply-receiver';
import { spawnApp, waitUntilReady, type AppProcess } from './spawn-app';

export type PlatformOptions = {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  flow: Flow;
  workers?: number;
  apis?: number;
  workerEnv?: Record<string, string>;
  apiEnv?: Record<string, string>;
  /** Node options of the spawned processes (e.g. `--cpu-prof`). */
  nodeArgs?: { api?: string[]; worker?: string[] };
  /** Where replies go instead of the built-in ReplyReceiver (a benchmark's own receiver). */
  outboundUrl?: string;
};

export type Platform = {
  db: Db;
  receiver: ReplyReceiver;
  apis: AppProcess[];
  apiUrls: string[];
  workers: AppProcess[];
  channelId: string;
  webhookSecret: string;
  env: Record<string, string>;
  /** POST a signed inbound message to API number `api` (default 0), on the first bot's channel unless `channelId` is given. */
  post: (body: unknown, options?: { secret?: string; api?: number; channelId?: string }) => Promise<Response>;
  /**
   * Publishes another bot on its own HTTP channel (same webhook secret; replies to the same
   * receiver unless `options.outboundUrl`); returns the channel id. In the platform's
   * workspace, or in a new one named `options.workspace`.
   */
  addBot: (flow: Flow, options?: { workspace?: string; outboundUrl?: string }) => Promise<string>;
  startWorker: (extraEnv?: Record<string, string>) => AppProcess;
  stop: () => Promise<void>;
};

/**
 * A real Parley for an integration test: a workspace with `flow` published on an
 * HTTP channel whose replies go to a local receiver, plus API and worker
 * processes started exactly as `npm start` starts them, on their own Redis prefix.
 */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const secretKey = randomUUID().replace(/-/g, '').repeat(2);
  const db = createDb(options.databaseUrl);
  const webhookSecret = generateWebhookSecret();
  const receiver = new ReplyReceiver(webhookSecret);
  const outboundUrl = options.outboundUrl ?? (await receiver.start());
  const workspace = await createWorkspace(db, { name: 'Test', slug: `t-${randomUUID()}` });
  const addBot = async (flow: Flow, addOptions: { workspace?: string; outboundUrl?: string } = {}): Promise<string> => {
    const workspaceId = addOptions.workspace ? (await createWorkspace(db, { name: addOptions.workspace, slug: `t-${randomUUID()}` })).id : workspace.id;
    const bot = await createBot(db, { workspaceId, name: 'Test bot', draft: flow });
    await publishBot(db, bot.id);
    const created = await createChannel(
      db,
      { workspaceId, botId: bot.id, type: 'http', name: 'test', config: { outboundUrl: addOptions.outboundUrl ?? outboundUrl }, secrets: { webhookSecret } },
      secretKey,
    );
    return created.id;
  };
  const channel = { id: await addBot(options.flow) };
  const env = {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.redisPrefix,
    PARLEY_SECRET_KEY: secretKey,
    // The receiver and the tests' partners listen on loopback, which the SSRF guard refuses
    // unless the operator allows it; a real deployment names specific hosts and ports.
    ELEMENT_EGRESS_ALLOW: '127.0.0.1',
    CHANNEL_EGRESS_ALLOW: '127.0.0.1',
  };
  const apis: AppProcess[] = [];
  const apiUrls: string[] = [];
  for (let i = 0; i < (options.apis ?? 1); i++) {
    const port = await freePort();
    apis.push(spawnApp('api', { ...env, ...options.apiEnv, API_PORT: String(port) }, options.nodeArgs?.api));
    apiUrls.push(`http://127.0.0.1:${port}`);
  }
  const workers: AppProcess[] = [];
  const startWorker = (extraEnv: Record<string, string> = {}): AppProcess => {
    const worker = spawnApp('worker', { ...env, ...options.workerEnv, ...extraEnv }, options.nodeArgs?.worker);
    workers.push(worker);
    return worker;
  };
  for (let i = 0; i < (options.workers ?? 1); i++) startWorker();
  await Promise.all(apis.map((api, i) => waitUntilReady(`${apiUrls[i]}/readyz`, api)));

  const post = async (body: unknown, postOptions: { secret?: string; api?: number; channelId?: string } = {}): Promise<Response> => {
    const raw = JSON.stringify(body);
    const headers = signHttpPayload(raw, postOptions.secret ?? webhookSecret, randomUUID(), new Date());
    return fetch(`${apiUrls[postOptions.api ?? 0]}/webhooks/http/${postOptions.channelId ?? channel.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: raw,
    });
  };

  return {
    db,
    receiver,
    apis,
    apiUrls,
    workers,
    channelId: channel.id,
    webhookSecret,
    env,
    post,
    addBot,
    startWorker,
    stop: async () => {
      await Promise.all([...apis, ...workers].map((app) => app.stop()));
      await receiver.stop();
      await db.$disconnect();
    },
  };
}
