import type { z } from 'zod';

/**
 * A default that `loadConfig` applies only when NODE_ENV (of the environment
 * being loaded) is not `production`; in production the variable is required.
 * Internal: fields opt in with `withDevDefault`, `loadConfig` reads it back.
 * Only the exact schema object is marked: wrapping it (`.optional()`, ...) drops the mark.
 */
export type DevDefault = { value: string; hint: string };

const devDefaults = new WeakMap<z.ZodType, DevDefault>();

/** Marks `schema` (a top-level field of a config object) with a development-only default. */
export function withDevDefault<S extends z.ZodType>(schema: S, devDefault: DevDefault): S {
  devDefaults.set(schema, devDefault);
  return schema;
}

/** The development-only default registered on `schema`, if any. */
export function devDefaultOf(schema: z.ZodType): DevDefault | undefined {
  return devDefaults.get(schema);
}
