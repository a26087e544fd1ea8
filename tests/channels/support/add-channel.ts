import { createBot, createChannel, publishBot } from '@parley/db';
import type { Flow } from '@parley/engine';
import type { Platform } from '../../support/start-platform';

/**
 * Publishes `flow` as another bot in the platform's workspace (whose HTTP
 * allowlist already admits 127.0.0.1) on a channel of `type`, with `config` and
 * sealed `secrets`. Returns the channel id.
 */
export async function addChannel(
  platform: Platform,
  input: { type: 'whatsapp' | 'telegram'; flow: Flow; config: Record<string, unknown>; secrets: Record<string, unknown> },
): Promise<string> {
  const { workspaceId } = await platform.db.channel.findUniqueOrThrow({ where: { id: platform.channelId } });
  const bot = await createBot(platform.db, { workspaceId, name: `${input.type} bot`, draft: input.flow });
  await publishBot(platform.db, bot.id);
  const secretKey = platform.env['PARLEY_SECRET_KEY'] ?? '';
  const channel = await createChannel(
    platform.db,
    { workspaceId, botId: bot.id, type: input.type, name: input.type, config: input.config, secrets: input.secrets },
    secretKey,
  );
  return channel.id;
}
