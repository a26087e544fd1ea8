import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ensureConversationTags, NotFoundError, publishBotFlow } from '@parley/db';
import type { FlowIssue } from '@parley/engine';
import { recordAudit } from '../access/record-audit';
import { checkBotFlow } from '../components/check-with-components';
import { requireCheckedFlow } from '../components/require-checked-flow';
import { roleProcedure } from '../workspace-procedure';
import { botIdSchema, publishedVersionSchema, versionNoteSchema } from './bot-schemas';
import { callerUserId } from './caller-user-id';
import { findWorkspaceBot } from './find-workspace-bot';
import { expandKeywordSynonyms } from './expand-keyword-synonyms';
import { tagUsesOf, tagWarnings } from './tag-uses';

export const publishBotInputSchema = z.object({
  id: botIdSchema,
  /** What changed in this version, for the version history (trimmed, at most 500 characters; empty: none). */
  note: versionNoteSchema.optional(),
});

/**
 * `bots.publish`: publishes the current draft as the next immutable version,
 * with every component its Component elements use (directly or through other
 * components) embedded in the flow's `components`, each pinned at its latest
 * published version. Sessions of that version keep running those component
 * versions whatever is published later.
 *
 * The draft is validated again with the components embedded (rules may have
 * changed since it was saved; components may have been published since):
 * invalid, a component missing or never published, or components including
 * themselves → BAD_REQUEST with `data.issues` naming the element and field,
 * nothing published. The draft is read, resolved and published in one
 * transaction under the bot's row lock, so the version is exactly the draft
 * that was checked. The Inbox tags its elements name (Conversation tags, To Agent) that
 * the workspace does not define yet are created in the same transaction, so no tag is
 * ever dropped, and each is reported as a `tag-not-defined` warning. Keywords of User
 * response elements with NLP get their English synonyms in the version
 * (expandKeywordSynonyms: WordNet, read here, never by the engine). The version keeps the
 * draft as written (`source`, what `bots.version` shows and `bots.restoreVersion` puts
 * back), the publisher (the caller, when a person) and the `note`. Returns the version
 * number and the warnings.
 */
export const publishBotProcedure = roleProcedure('builder').input(publishBotInputSchema).output(publishedVersionSchema).mutation(async ({ ctx, input }) => {
  const bot = await findWorkspaceBot(ctx.db, ctx.workspace, input.id);
  let warnings: FlowIssue[] = [];
  try {
    const version = await publishBotFlow(ctx.db, bot.id, async (draft, tx) => {
      const checked = await checkBotFlow(tx, ctx.workspace.id, draft, 'publish');
      warnings = requireCheckedFlow('Draft', checked);
      const uses = tagUsesOf(checked.flow);
      const created = new Set(await ensureConversationTags(tx, ctx.workspace.id, uses.flatMap((use) => use.tags)));
      const defined = new Set(uses.flatMap((use) => use.tags).filter((tag) => !created.has(tag)));
      warnings = [...warnings, ...tagWarnings(uses, defined, true)];
      return expandKeywordSynonyms(checked.flow);
    }, { publishedBy: callerUserId(ctx.principal), note: input.note ? input.note : null });
    await recordAudit(ctx, 'bot.published', { type: 'bot', id: bot.id }, { version: version.number, name: bot.name });
    return { version: version.number, publishedAt: version.publishedAt.toISOString(), warnings };
  } catch (error) {
    if (error instanceof NotFoundError) throw new TRPCError({ code: 'NOT_FOUND', message: error.message, cause: error });
    throw error;
  }
});
