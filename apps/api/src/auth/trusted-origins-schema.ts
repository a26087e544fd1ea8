import { z } from 'zod';
import { webOriginSchema } from './web-origin-schema';

/**
 * TRUSTED_ORIGINS: more origins (comma-separated, webOriginSchema each) whose pages may
 * send cookie-carrying requests to the API, besides PUBLIC_URL's. Default: none.
 */
export const trustedOriginsSchema = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
  .pipe(z.array(webOriginSchema));
