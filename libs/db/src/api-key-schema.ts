import { z } from 'zod';

/**
 * A workspace API key as programs send it: `pk_`, 8 base62 characters (with `pk_`,
 * the key's stored, displayable `prefix`), `_`, 32 base62 characters (~190 random bits
 * in all). Anything else is not looked up.
 */
export const apiKeySchema = z.string().regex(/^pk_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}$/);
