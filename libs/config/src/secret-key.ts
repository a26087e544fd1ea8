import { z } from 'zod';
import { withDevDefault } from './dev-default';

/**
 * The development key: PUBLIC (it is in the source). It encrypts secrets at rest
 * on developer machines only: `loadConfig` supplies it only when NODE_ENV is
 * `development` or `test`, and refuses it anywhere else.
 */
export const DEV_SECRET_KEY = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/**
 * The 32-byte key that encrypts secrets at rest, written as 64 hex characters
 * (generate one with `openssl rand -hex 32`). In development (NODE_ENV=development or
 * test) a missing value falls back to `DEV_SECRET_KEY`; anywhere else it is required
 * and `DEV_SECRET_KEY` is refused.
 */
export function secretKey() {
  return withDevDefault(z.string().regex(/^[0-9a-fA-F]{64}$/, { error: 'must be 64 hex characters (32 bytes)' }), {
    value: DEV_SECRET_KEY,
    hint: '64 hex characters, e.g. from `openssl rand -hex 32`',
  });
}
