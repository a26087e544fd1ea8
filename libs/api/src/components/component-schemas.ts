import { flowIssueSchema } from '@parley/engine';
import { z } from 'zod';
import { botDescriptionSchema, botNameSchema, botSummarySchema } from '../bots/bot-schemas';

/**
 * Wire shapes of the components router. Outputs are plain JSON (timestamps as
 * ISO 8601 strings), like the bots router's.
 */

export const componentIdSchema = z.string().trim().min(1, 'Component id is required').max(200);

/** Same rules as a bot's name and description. */
export const componentNameSchema = botNameSchema;
export const componentDescriptionSchema = botDescriptionSchema;

/**
 * A component document as sent by a client: any JSON object. Its shape and graph
 * rules are checked by validateFlow (inside a minimal flow), which reports problems
 * by element and field (the `issues` of the error) rather than as input errors.
 */
export const componentDocumentInputSchema = z.record(z.string(), z.json(), 'Draft must be a JSON object (a component document)');

/** One row of `components.list`: the same shape as a row of `bots.list`. */
export const componentSummarySchema = botSummarySchema;
export type ComponentSummary = z.infer<typeof componentSummarySchema>;

/** `components.get`: a component with its draft and its published versions (newest first). */
export const componentDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** The stored component document: valid when saved, unless saved with `allowErrors` (check it before relying on it). */
  draft: z.unknown(),
  /** Pass back as `expectedRevision` to `components.saveDraft`. */
  draftRevision: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  versions: z.array(z.object({ number: z.number().int().positive(), publishedAt: z.iso.datetime() })),
});
export type ComponentDetail = z.infer<typeof componentDetailSchema>;

/** `components.create`: the new component's id and its first draft's warnings. */
export const createdComponentSchema = z.object({
  id: z.string(),
  draftRevision: z.number().int().nonnegative(),
  warnings: z.array(flowIssueSchema),
});

/**
 * `components.saveDraft`: the saved revision, the document's errors (always [] unless the
 * save allowed them: a work in progress) and its warnings (never blocking).
 */
export const savedComponentDraftSchema = z.object({
  draftRevision: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
  errors: z.array(flowIssueSchema),
  warnings: z.array(flowIssueSchema),
});

/**
 * `components.resolve`: the documents the given components (and the components they use,
 * transitively) resolve to while drafting: the latest published version, else the draft
 * (`source: 'draft'`, version 1 as a stand-in). An id of no component of the workspace
 * is simply absent (the caller knows which it asked for; another workspace's stays unrevealed).
 */
export const resolvedComponentsSchema = z.object({
  components: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      version: z.number().int().positive(),
      source: z.enum(['version', 'draft']),
      document: z.unknown(),
    }),
  ),
});

/** `components.publish`: the new version's number and the document's warnings. */
export const publishedComponentVersionSchema = z.object({
  version: z.number().int().positive(),
  publishedAt: z.iso.datetime(),
  warnings: z.array(flowIssueSchema),
});
