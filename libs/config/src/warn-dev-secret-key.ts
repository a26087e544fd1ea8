import type { Logger } from './create-logger';
import { DEV_SECRET_KEY } from './secret-key';

/**
 * Logs a loud warning when `key` is the public development key (only loadConfig's
 * development mode lets it through): everything it protects — sealed channel secrets,
 * web chat visitor tokens — can be opened or forged by anyone. Process entry points call
 * it once at start-up.
 */
export function warnIfDevSecretKey(key: string, logger: Pick<Logger, 'warn'>): void {
  if (key !== DEV_SECRET_KEY) return;
  logger.warn(
    'PARLEY_SECRET_KEY is the PUBLIC development key (NODE_ENV=development or test): secrets sealed with it and web chat visitor tokens are not protected. Never use this installation for real data; set your own key (openssl rand -hex 32).',
  );
}
