import { z } from 'zod';
import { roleProcedure } from '../workspace-procedure';
import { botIdSchema, flowDocumentSchema, savedDraftSchema } from './bot-schemas';
import { findWorkspaceBot } from './find-workspace-bot';
import { storeBotDraft } from './store-bot-draft';

export const saveDraftInputSchema = z.object({
  id: botIdSchema,
  draft: flowDocumentSchema,
  /** The `draftRevision` the client loaded; when given, a newer save by someone else is not overwritten. */
  expectedRevision: z.number().int().nonnegative().optional(),
  /**
   * Store a work in progress: a draft with validation errors is saved (its errors are
   * returned in `errors`) as long as it has the draft shape. Default false: refused.
   */
  allowErrors: z.boolean().optional(),
});

/**
 * `bots.saveDraft`: replaces the bot's draft, recording the caller as its saver.
 * - invalid flow → BAD_REQUEST, nothing saved, `data.issues` lists every error; with
 *   `allowErrors` the draft is saved anyway and its errors returned in `errors`, unless it
 *   lacks the draft shape (version 1, attributes, entryDialogId, dialogs with ids, names,
 *   start elements, typed elements and edges): BAD_REQUEST, `data.issues` naming each problem;
 * - `expectedRevision` no longer current → CONFLICT naming who saved, nothing saved (reload and retry);
 * - otherwise saved: returns the new revision, the errors ([] without `allowErrors`) and the
 *   flow's warnings, among them one `tag-not-defined` per tag an element names that the
 *   Inbox does not define yet (publishing creates it).
 */
export const saveDraftProcedure = roleProcedure('builder')
  .input(saveDraftInputSchema)
  .output(savedDraftSchema)
  .mutation(async ({ ctx, input }) => {
    await findWorkspaceBot(ctx.db, ctx.workspace, input.id);
    return storeBotDraft(ctx, { botId: input.id, draft: input.draft, expectedRevision: input.expectedRevision, allowErrors: input.allowErrors ?? false });
  });
