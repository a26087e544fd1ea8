import { apiSchema } from '@parley/elements';
import type { z } from 'zod';

/**
 * The API element's Request-tab fields a cURL import fills: exactly those fields of
 * `apiSchema`, so an import result validates as (part of) an API element.
 */
export const apiRequestFieldsSchema = apiSchema.pick({ method: true, url: true, contentType: true, headers: true, body: true });
export type ApiRequestFields = z.infer<typeof apiRequestFieldsSchema>;
