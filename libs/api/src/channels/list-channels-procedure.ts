import { listWorkspaceChannels } from '@parley/db';
import { roleProcedure } from '../workspace-procedure';

/**
 * `channels.list`: the workspace's channels with their settings and the NAMES of their
 * secrets, never the values (an owner reveals one with `channels.revealSecret`).
 */
export const listChannelsProcedure = roleProcedure('builder').query(async ({ ctx }) => {
  const channels = await listWorkspaceChannels(ctx.db, ctx.workspace.id, ctx.secretKey);
  return channels.map((channel) => ({
    id: channel.id,
    name: channel.name,
    type: channel.type,
    botId: channel.botId,
    enabled: channel.enabled,
    config: channel.config,
    secretNames: Object.keys(channel.secrets).sort(),
    createdAt: channel.createdAt.toISOString(),
  }));
});
