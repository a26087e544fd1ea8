import { createBot, createChannel, getChannel, publishBot } from '@parley/db';
import type { Flow } from '@parley/engine';
import type { Platform } from '../support/start-platform';

export type WebchatChannelSettings = { allowedOrigins: string[]; title?: string; welcomeText?: string };

/**
 * A web chat channel in the platform's workspace, answered by the platform's
 * first bot (or by a new bot publishing `flow`). Returns the channel id.
 */
export async function addWebchatChannel(platform: Platform, settings: WebchatChannelSettings, flow?: Flow): Promise<string> {
  const secretKey = platform.env.PARLEY_SECRET_KEY ?? '';
  const first = await getChannel(platform.db, platform.channelId, secretKey);
  if (!first) throw new Error('the platform has no channel');
  let botId = first.botId;
  if (flow) {
    const bot = await createBot(platform.db, { workspaceId: first.workspaceId, name: 'Web chat bot', draft: flow });
    await publishBot(platform.db, bot.id);
    botId = bot.id;
  }
  const channel = await createChannel(
    platform.db,
    { workspaceId: first.workspaceId, botId, type: 'webchat', name: 'Web chat', config: settings, secrets: {} },
    secretKey,
  );
  return channel.id;
}
