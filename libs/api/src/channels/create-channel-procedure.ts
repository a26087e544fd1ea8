import { z } from 'zod';
import { generateWebhookSecret, httpChannelConfigSchema } from '@parley/channels';
import { createChannel } from '@parley/db';
import { recordAudit } from '../access/record-audit';
import { findWorkspaceBot } from '../bots/find-workspace-bot';
import { botIdSchema } from '../bots/bot-schemas';
import { roleProcedure } from '../workspace-procedure';
import { channelNameSchema, createdChannelSchema } from './channel-schemas';

export const createChannelInputSchema = z.object({
  botId: botIdSchema,
  type: z.literal('http', 'Only type "http" can be created here for now'),
  name: channelNameSchema,
  /** Where the channel POSTs the bot's replies (signed with the same secret). */
  outboundUrl: httpChannelConfigSchema.shape.outboundUrl,
});

/**
 * `channels.create`: connects a bot of the workspace to a new HTTP channel.
 * Generates the channel's Standard Webhooks secret and stores it sealed as
 * secrets `{ webhookSecret }` next to config `{ outboundUrl }` (the split
 * httpChannelAdapter reads). Returns the secret this once to an owner (a builder gets
 * null and asks an owner to reveal it), with the channel id
 * and its webhook path `/webhooks/http/<id>`. NOT_FOUND for a bot outside the
 * workspace. Audited (`channel.created`).
 */
export const createChannelProcedure = roleProcedure('builder')
  .input(createChannelInputSchema)
  .output(createdChannelSchema)
  .mutation(async ({ ctx, input }) => {
    const bot = await findWorkspaceBot(ctx.db, ctx.workspace, input.botId);
    const secret = generateWebhookSecret();
    const channel = await createChannel(
      ctx.db,
      {
        workspaceId: ctx.workspace.id,
        botId: bot.id,
        type: input.type,
        name: input.name,
        config: { outboundUrl: input.outboundUrl },
        secrets: { webhookSecret: secret },
      },
      ctx.secretKey,
    );
    // Secrets reach a browser only by an owner's audited look: here, the creation's own entry says it was shown.
    const shown = ctx.role === 'owner';
    await recordAudit(ctx, 'channel.created', { type: 'channel', id: channel.id }, { name: input.name, type: input.type, botId: bot.id, outboundUrl: input.outboundUrl, secretShown: shown });
    return { id: channel.id, webhookPath: `/webhooks/http/${encodeURIComponent(channel.id)}`, secret: shown ? secret : null };
  });
