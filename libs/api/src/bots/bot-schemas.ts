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
  /** The stored flow document (valid when saved; validateFlow it again before relying on that). */
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

/** `bots.saveDraft`: the saved revision and the flow's warnings (warnings never block saving). */
export const savedDraftSchema = z.object({
  draftRevision: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
  warnings: z.array(flowIssueSchema),
});

/** `bots.publish`: the new version's number and the published flow's warnings. */
export const publishedVersionSchema = z.object({
  version: z.number().int().positive(),
  publishedAt: z.iso.datetime(),
  warnings: z.array(flowIssueSchema),
});
