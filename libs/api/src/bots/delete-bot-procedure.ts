import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { BotInUseError, deleteBot } from '@parley/db';
import { recordAudit } from '../access/record-audit';
import { roleProcedure } from '../workspace-procedure';
import { botIdSchema, botRefSchema } from './bot-schemas';
import { findWorkspaceBot } from './find-workspace-bot';

export const deleteBotInputSchema = z.object({ id: botIdSchema });

/**
 * `bots.delete`: deletes the bot with its draft, versions, sessions, CSAT responses and
 * analytics events (the messages and Inbox conversations of its sessions stay, detached
 * from them). Refused with CONFLICT naming every channel that still routes to the bot
 * ('Detach channel "Support WhatsApp" first …'), nothing deleted: a channel is never
 * deleted with its bot. Audited as `bot.deleted` with the bot's name. Returns the id.
 * NOT_FOUND for a bot of another workspace.
 */
export const deleteBotProcedure = roleProcedure('builder')
  .input(deleteBotInputSchema)
  .output(botRefSchema)
  .mutation(async ({ ctx, input }) => {
    const bot = await findWorkspaceBot(ctx.db, ctx.workspace, input.id);
    try {
      await deleteBot(ctx.db, bot.id);
    } catch (error) {
      if (error instanceof BotInUseError) {
        const names = error.channels.map((channel) => `"${channel.name}"`);
        const message =
          names.length === 1
            ? `Detach channel ${names.join('')} first: it routes its conversations to bot "${bot.name}".`
            : `Detach channels ${names.join(', ')} first: they route their conversations to bot "${bot.name}".`;
        throw new TRPCError({ code: 'CONFLICT', message, cause: error });
      }
      throw error;
    }
    await recordAudit(ctx, 'bot.deleted', { type: 'bot', id: bot.id }, { name: bot.name });
    return { id: bot.id };
  });
