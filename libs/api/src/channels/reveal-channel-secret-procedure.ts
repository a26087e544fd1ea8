import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { getChannel } from '@parley/db';
import { idSchema } from '../access/access-schemas';
import { recordAudit } from '../access/record-audit';
import { roleProcedure } from '../workspace-procedure';

export const revealChannelSecretInputSchema = z.object({ channelId: idSchema, name: z.string().trim().min(1).max(100) });

/**
 * `channels.revealSecret`: an owner's explicit, audited look at one secret of a channel of
 * the workspace (the only way a secret's value reaches a browser). The audit entry names
 * the channel and the secret, never its value. NOT_FOUND for a channel outside the
 * workspace or a secret it does not have.
 */
export const revealChannelSecretProcedure = roleProcedure('owner')
  .input(revealChannelSecretInputSchema)
  .mutation(async ({ ctx, input }) => {
    const channel = await getChannel(ctx.db, input.channelId, ctx.secretKey);
    if (!channel || channel.workspaceId !== ctx.workspace.id) throw new TRPCError({ code: 'NOT_FOUND', message: `No channel ${input.channelId} in this workspace` });
    const value: unknown = channel.secrets[input.name];
    if (value === undefined) throw new TRPCError({ code: 'NOT_FOUND', message: `Channel ${channel.name} has no secret ${input.name}` });
    await recordAudit(ctx, 'secret.revealed', { type: 'channel', id: channel.id }, { secret: input.name, channel: channel.name });
    return { value: typeof value === 'string' ? value : JSON.stringify(value) };
  });
