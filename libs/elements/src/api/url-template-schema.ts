import { z } from 'zod';

/**
 * A request URL with placeholders. It must start with http:// or https://, or with a
 * placeholder that supplies the start (e.g. {{baseUrl}}/orders); the rendered URL is
 * checked again at run time.
 */
export const urlTemplateSchema = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^(?:https?:\/\/|\{\{)/i, 'Start the URL with http:// or https:// (or a placeholder that holds the start)')
  .meta({ description: 'Request URL (at most 2048 characters), http:// or https://. Placeholders allowed: {{attribute}}.', title: 'URL' });
