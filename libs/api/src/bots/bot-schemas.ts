import { flowIssueSchema } from '@parley/engine';
import { z } from 'zod';

/**
 * Wire shapes of the bots router. Outputs are plain JSON (timestamps as ISO
 * 8601 strings), so HTTP clients without a transformer get exactly these types.
 */

export const botIdSchema = z.string().trim().min(1, 'Bot id is required').max(200);

export const botNameSchema = z.string().trim().min(1, 'Name is required').max(100, 'Name is at most 100 characters');

export const botDescriptionSchema = z.string().trim().max(500, 'Description is at most 500 characters');

/**
 * A flow document as sent by a client: any JSON object. Its shape and graph
 * rules are checked by @parley/engine's validateFlow, which reports problems by
 * element and field (the `issues` of the error) rather than as input errors.
 */
export const flowDocumentSchema = z.record(z.string(), z.json(), 'Draft must be a JSON object (a flow document)');

/** One row of `bots.list`. */
export const botSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  /** Number of the newest published version; null when the bot was never published ("draft only"). */
  latestVersion: z.number().int().positive().nullable(),
});
export type BotSummary = z.infer<typeof botSummarySchema>;

/** `bots.get`: a bot with its draft. */
export const botDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** The stored flow document: valid when saved, unless saved with `allowErrors` (validateFlow it before relying on it). */
  draft: z.unknown(),
  /** Pass back as `expectedRevision` to `bots.saveDraft` to refuse overwriting someone else's save. */
  draftRevision: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  latestVersion: z.object({ number: z.number().int().positive(), publishedAt: z.iso.datetime() }).nullable(),
});
export type BotDetail = z.infer<typeof botDetailSchema>;

/** `bots.create`: the new bot's id and its first draft's warnings. */
export const createdBotSchema = z.object({
  id: z.string(),
  draftRevision: z.number().int().nonnegative(),
  warnings: z.array(flowIssueSchema),
});

/**
 * `bots.saveDraft` and `bots.restoreVersion`: the saved revision, the flow's errors (always
 * [] unless the save allowed them: a work-in-progress draft) and its warnings (never blocking).
 */
export const savedDraftSchema = z.object({
  draftRevision: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
  errors: z.array(flowIssueSchema),
  warnings: z.array(flowIssueSchema),
});
export type SavedDraft = z.infer<typeof savedDraftSchema>;

/** A person named in an answer: their user id and display name (their email when they set no name). */
export const userRefSchema = z.object({ id: z.string(), name: z.string() });

/** `bots.draftState`: what an open editor polls to notice someone else's save. */
export const draftStateSchema = z.object({
  draftRevision: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
  /** Who saved the draft last; null when an API key did, or it is not known. */
  updatedBy: userRefSchema.nullable(),
});

/** A version's note as the publisher writes it: trimmed, at most 500 characters; empty means none. */
export const versionNoteSchema = z.string().trim().max(500, 'Note is at most 500 characters');

/** A published version's number, as an input. */
export const versionNumberSchema = z.number('Version must be a number').int('Version must be a whole number').positive('Version numbers start at 1');

/** `bots.publish`: the new version's number and the published flow's warnings. */
export const publishedVersionSchema = z.object({
  version: z.number().int().positive(),
  publishedAt: z.iso.datetime(),
  warnings: z.array(flowIssueSchema),
});

/** One row of `bots.versions`. */
export const botVersionSummarySchema = z.object({
  number: z.number().int().positive(),
  publishedAt: z.iso.datetime(),
  note: z.string().nullable(),
  /** Null when an API key published it, or the publisher's account no longer exists. */
  publishedBy: userRefSchema.nullable(),
});

/** `bots.version`: one published version with its flow as its author wrote it. */
export const botVersionDetailSchema = botVersionSummarySchema.extend({
  /**
   * The draft that was published, before components were embedded and keyword synonyms
   * expanded; for versions published before that was kept, the published flow without
   * its `components`. Upgraded to the current flow format version.
   */
  flow: z.unknown(),
});

/** `bots.templates`: one template a bot can be created from. */
export const botTemplateSummarySchema = z.object({ id: z.string(), name: z.string(), description: z.string() });

/** `bots.duplicate` and `bots.delete`: the id of the bot made or removed. */
export const botRefSchema = z.object({ id: z.string() });
