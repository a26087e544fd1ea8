import { z } from 'zod';

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/parley';

/** DATABASE_URL: a `postgresql://` (or `postgres://`) URL; defaults to the local dev database. */
export function databaseUrl(defaultUrl: string = DEFAULT_DATABASE_URL) {
  return z
    .string()
    .refine((value) => hasProtocol(value, ['postgresql:', 'postgres:']), {
      error: 'must be a postgresql:// URL',
    })
    .default(defaultUrl);
}

function hasProtocol(value: string, protocols: readonly string[]): boolean {
  return URL.canParse(value) && protocols.includes(new URL(value).protocol);
}
