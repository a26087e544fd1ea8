import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { getBotDraftState } from '@parley/db';
import { roleProcedure } from '../workspace-procedure';
import { botIdSchema, draftStateSchema } from './bot-schemas';

export const draftStateInputSchema = z.object({ id: botIdSchema });

/**
 * `bots.draftState`: the draft's revision, when the bot last changed and who saved the
 * draft last, without the draft itself. Cheap (primary-key reads, no document): open
 * editors poll it every few seconds and, when `draftRevision` moves past the one they
 * loaded, tell the person at once that a teammate (`updatedBy`) or another tab saved.
 * NOT_FOUND for a bot of another workspace, exactly as for one that does not exist.
 */
export const draftStateProcedure = roleProcedure('analyst')
  .input(draftStateInputSchema)
  .output(draftStateSchema)
  .query(async ({ ctx, input }) => {
    const state = await getBotDraftState(ctx.db, { workspaceId: ctx.workspace.id, botId: input.id });
    if (!state) throw new TRPCError({ code: 'NOT_FOUND', message: `Bot ${input.id} not found in workspace ${ctx.workspace.slug}` });
    return { draftRevision: state.draftRevision, updatedAt: state.updatedAt.toISOString(), updatedBy: state.updatedBy };
  });
