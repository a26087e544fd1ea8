import { z } from 'zod';

/** Longest script, in characters (the Code element's limit). */
export const maxScriptLength = 20_000;

/** Largest isolate heap a run may ask for, MiB (the Code element's limit). */
export const maxIsolateMemoryMb = 64;

/**
 * Attribute values by name: JSON only. The same shape as `attributeValuesSchema` of
 * @parley/elements, declared here so the sandbox process loads zod alone (the elements'
 * registry costs it ~25 MB); sandbox-input-schema.test.ts keeps the two in step.
 */
export const sandboxAttributesSchema = z.record(z.string(), z.json());

/** A run's limits: the same bounds as `codeRunLimitsSchema` of @parley/elements (kept in step by a test). */
export const sandboxLimitsSchema = z.object({
  /** Wall clock, and CPU inside the isolate, ms. */
  timeoutMs: z.number().int().min(100).max(5_000),
  /** The isolate's heap limit, MiB. */
  memoryMb: z.number().int().min(8).max(maxIsolateMemoryMb),
});

/**
 * One run: the script, the attributes it may read (copied into the sandbox) and its
 * limits. The same fields as the `code.run` call.
 */
export const sandboxInputSchema = z.object({
  code: z.string().min(1).max(maxScriptLength),
  attributes: sandboxAttributesSchema,
  limits: sandboxLimitsSchema,
});
export type SandboxInput = z.infer<typeof sandboxInputSchema>;
