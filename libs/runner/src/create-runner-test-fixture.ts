import { randomBytes, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { createBot, createChannel, createChannelCache, createWorkspace, publishBot, type Db } from '@parley/db';
import type { Flow } from '@parley/engine';
import { FlowCache } from './flow-cache';
import type { RunnerContext } from './runner-context';

export type RunnerTestFixture = {
  ctx: RunnerContext;
  workspaceId: string;
  botId: string;
  channelId: string;
  /** A fresh contact on the channel. */
  contact: () => string;
};

/**
 * For runner integration tests: a fresh workspace that allowlists loopback, `flow`
 * published on an HTTP channel whose replies go to `outboundUrl`, and a runner
 * context on `db` (silent logger, real clock). Tests sharing a database never see
 * each other's rows.
 */
export async function createRunnerTestFixture(
  db: Db,
  flow: Flow,
  options: { outboundUrl?: string; webhookSecret?: string; ctx?: Partial<RunnerContext> } = {},
): Promise<RunnerTestFixture> {
  const secretKey = randomBytes(32).toString('hex');
  const workspace = await createWorkspace(db, { name: 'Runner', slug: `runner-${randomUUID()}` });
  const bot = await createBot(db, { workspaceId: workspace.id, name: 'Runner bot', draft: flow });
  await publishBot(db, bot.id);
  const channel = await createChannel(
    db,
    {
      workspaceId: workspace.id,
      botId: bot.id,
      type: 'http',
      name: 'Runner channel',
      config: { outboundUrl: options.outboundUrl ?? 'http://127.0.0.1:9/replies' },
      secrets: { webhookSecret: options.webhookSecret ?? 'whsec_dGVzdA==' },
    },
    secretKey,
  );
  const ctx: RunnerContext = {
    db,
    logger: pino({ level: 'silent' }),
    secretKey,
    flows: new FlowCache(),
    channels: createChannelCache(secretKey),
    // The operator lets these tests' local fakes (any loopback port) be reached.
    egress: { elements: { allow: ['127.0.0.1'] }, channels: { allow: ['127.0.0.1'] } },
    clock: () => Date.now(),
    random: () => 0,
    ...options.ctx,
  };
  return { ctx, workspaceId: workspace.id, botId: bot.id, channelId: channel.id, contact: () => `contact-${randomUUID()}` };
}

/** Greets once ("ready"), then echoes every message ("echo <text>"). */
export const echoTestFlow: Flow = {
  version: 1,
  attributes: [{ name: 'last', type: 'text', scope: 'session' }],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'ready',
      elements: [
        { id: 'ready', type: 'send-message', text: 'ready' },
        { id: 'ask', type: 'user-response', saveAs: 'last' },
        { id: 'echo', type: 'send-message', text: 'echo {{last}}' },
      ],
      edges: [
        { id: 'e1', from: 'ready', to: 'ask' },
        { id: 'e2', from: 'ask', to: 'echo' },
        { id: 'e3', from: 'echo', to: 'ask' },
      ],
    },
  ],
  settings: { sessionTimeoutSeconds: 3600 },
};
