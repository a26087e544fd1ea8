import { z } from 'zod';
import { recordAudit } from '../access/record-audit';
import { roleProcedure } from '../workspace-procedure';
import { botIdSchema, savedDraftSchema, versionNumberSchema } from './bot-schemas';
import { findBotVersion } from './find-bot-version';
import { findWorkspaceBot } from './find-workspace-bot';
import { storeBotDraft } from './store-bot-draft';
import { versionFlow } from './version-flow';

export const restoreVersionInputSchema = z.object({
  id: botIdSchema,
  number: versionNumberSchema,
  /** The `draftRevision` the client loaded; when given, a newer save by someone else is not overwritten. */
  expectedRevision: z.number().int().nonnegative().optional(),
});

/**
 * `bots.restoreVersion`: makes version `number`'s flow, as its author wrote it
 * (versionFlow), the bot's draft. A normal save by the caller: the revision goes up,
 * a stale `expectedRevision` gets CONFLICT naming who saved, and the answer is
 * `bots.saveDraft`'s. Rules may have changed since the version was published (or a
 * component it uses been deleted): its errors under today's rules are saved and
 * returned in `errors`, as with `allowErrors`, rather than keeping an old version out
 * of reach. Published versions are untouched. Audited as `bot.version-restored`.
 * NOT_FOUND for a bot of another workspace or a number the bot never published.
 */
export const restoreVersionProcedure = roleProcedure('builder')
  .input(restoreVersionInputSchema)
  .output(savedDraftSchema)
  .mutation(async ({ ctx, input }) => {
    const bot = await findWorkspaceBot(ctx.db, ctx.workspace, input.id);
    const version = await findBotVersion(ctx.db, bot, input.number);
    const saved = await storeBotDraft(ctx, { botId: bot.id, draft: versionFlow(version), expectedRevision: input.expectedRevision, allowErrors: true });
    await recordAudit(ctx, 'bot.version-restored', { type: 'bot', id: bot.id }, { version: version.number, draftRevision: saved.draftRevision, name: bot.name });
    return saved;
  });
