import { TRPCError } from '@trpc/server';
import { listConversationTags, NotFoundError, saveDraft, StaleDraftError, type Tx } from '@parley/db';
import type { FlowIssue } from '@parley/engine';
import { checkBotFlow } from '../components/check-with-components';
import { requireCheckedFlow } from '../components/require-checked-flow';
import type { Principal, WorkspaceRef } from '../create-context';
import { describeFlowIssue, FlowInvalidError } from '../flow-invalid-error';
import type { SavedDraft } from './bot-schemas';
import { callerUserId } from './caller-user-id';
import { draftShapeIssues } from './draft-shape-issues';
import { staleDraftConflict } from './stale-draft-conflict';
import { tagUsesOf, tagWarnings } from './tag-uses';

/** What storing a draft needs from a procedure's context. */
export type StoreDraftContext = { db: Tx; workspace: WorkspaceRef; principal: Principal };

export type StoreDraftInput = {
  /** A bot of `ctx.workspace` (the caller has checked). */
  botId: string;
  draft: unknown;
  expectedRevision?: number | undefined;
  /** Store a draft with validation errors (a work in progress) instead of refusing it. */
  allowErrors: boolean;
};

/**
 * Saves `draft` as the bot's draft, recording the caller as its saver; the one save
 * behind `bots.saveDraft` and `bots.restoreVersion`.
 * - `allowErrors` false: a draft with validation errors → BAD_REQUEST, `data.issues` every error;
 * - `allowErrors` true: a draft without the draft shape (draftShapeIssues) → BAD_REQUEST,
 *   `data.issues` naming each path and rule; any other error is stored and returned in `errors`;
 * - `expectedRevision` no longer current → CONFLICT naming who saved (staleDraftConflict);
 * - nothing is saved when it throws. Returns the new revision, errors and warnings (among
 *   them `tag-not-defined` for Inbox tags the workspace does not define yet).
 */
export async function storeBotDraft(ctx: StoreDraftContext, input: StoreDraftInput): Promise<SavedDraft> {
  let errors: FlowIssue[] = [];
  let warnings: FlowIssue[];
  if (input.allowErrors) {
    const shape = draftShapeIssues(input.draft);
    if (shape.length > 0) {
      const cause = new FlowInvalidError('Draft', shape);
      const count = shape.length === 1 ? '1 problem' : `${shape.length} problems`;
      const listed = shape.slice(0, 5).map(describeFlowIssue).join('; ');
      throw new TRPCError({ code: 'BAD_REQUEST', message: `Draft cannot be saved, even as a work in progress (${count}): ${listed}`, cause });
    }
    const checked = await checkBotFlow(ctx.db, ctx.workspace.id, input.draft, 'draft');
    errors = checked.errors;
    warnings = checked.warnings;
  } else {
    warnings = requireCheckedFlow('Draft', await checkBotFlow(ctx.db, ctx.workspace.id, input.draft, 'draft'));
  }
  const uses = tagUsesOf(input.draft);
  if (uses.length > 0) {
    const defined = new Set((await listConversationTags(ctx.db, ctx.workspace.id)).map((tag) => tag.name));
    warnings = [...warnings, ...tagWarnings(uses, defined, false)];
  }
  try {
    const saved = await saveDraft(ctx.db, {
      botId: input.botId,
      draft: input.draft,
      updatedBy: callerUserId(ctx.principal),
      ...(input.expectedRevision === undefined ? {} : { expectedRevision: input.expectedRevision }),
    });
    return { draftRevision: saved.draftRevision, updatedAt: saved.updatedAt.toISOString(), errors, warnings };
  } catch (error) {
    if (error instanceof StaleDraftError) throw await staleDraftConflict(ctx.db, ctx.principal, error);
    if (error instanceof NotFoundError) throw new TRPCError({ code: 'NOT_FOUND', message: error.message, cause: error });
    throw error;
  }
}
