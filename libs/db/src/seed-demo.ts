import { isDeepStrictEqual } from 'node:util';
import { createBot } from './create-bot';
import type { Db } from './create-db';
import { getLatestVersion } from './get-latest-version';
import { publishBotInTransaction } from './publish-bot';
import { saveDraft } from './save-draft';
import { sealSecret } from './secret-box';
import { channelSecretsContext } from './to-channel';
import { toJsonInput } from './to-json-input';

export type SeedDemoInput = {
  /** The demo bot's flow document. */
  flow: unknown;
  /** Where the demo HTTP channel delivers replies. */
  outboundUrl: string;
  /** The demo HTTP channel's webhook signing secret. */
  webhookSecret: string;
};

export type SeedDemoResult = { workspaceId: string; botId: string; botVersionId: string; channelId: string };

export const demoWorkspaceSlug = 'demo';
export const demoBotName = 'Demo bot';
export const demoChannelId = 'demo-http';

/**
 * Makes sure the demo exists and matches the input, and returns its ids:
 * workspace slug 'demo'; a bot named 'Demo bot' whose draft is `flow` and whose
 * latest published version is `flow` (a new version is published only when the
 * flow changed); an enabled HTTP channel with the fixed id 'demo-http',
 * config `{ outboundUrl }` and secrets `{ webhookSecret }` (sealed with
 * `secretKey`). The demo inbox listens on loopback: `npm start` lets channel deliveries
 * reach its port alone (CHANNEL_EGRESS_ALLOW), nothing here opens it. Idempotent, and safe to run concurrently
 * (one transaction under an advisory lock).
 */
export async function seedDemo(db: Db, input: SeedDemoInput, secretKey: string): Promise<SeedDemoResult> {
  const flow = toJsonInput(input.flow);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('parley:seed-demo', 0))`;
      const workspace = await tx.workspace.upsert({
        where: { slug: demoWorkspaceSlug },
        create: { name: 'Demo', slug: demoWorkspaceSlug },
        update: {},
      });
      let bot = await tx.bot.findFirst({
        where: { workspaceId: workspace.id, name: demoBotName },
        orderBy: { createdAt: 'asc' },
      });
      if (!bot) {
        bot = await createBot(tx, {
          workspaceId: workspace.id,
          name: demoBotName,
          description: 'The bot `npm start` talks to.',
          draft: flow,
        });
      } else if (!isDeepStrictEqual(bot.draft, flow)) {
        bot = await saveDraft(tx, { botId: bot.id, draft: flow });
      }
      let version = await getLatestVersion(tx, bot.id);
      if (!version || !isDeepStrictEqual(version.flow, flow)) version = await publishBotInTransaction(tx, bot.id);

      const channel = {
        workspaceId: workspace.id,
        botId: bot.id,
        type: 'http',
        name: 'Demo HTTP channel',
        config: { outboundUrl: input.outboundUrl },
        secrets: sealSecret(JSON.stringify({ webhookSecret: input.webhookSecret }), secretKey, channelSecretsContext(demoChannelId)),
        enabled: true,
      };
      await tx.channel.upsert({ where: { id: demoChannelId }, create: { id: demoChannelId, ...channel }, update: channel });
      return { workspaceId: workspace.id, botId: bot.id, botVersionId: version.id, channelId: demoChannelId };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
