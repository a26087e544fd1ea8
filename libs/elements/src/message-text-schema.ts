import { z } from 'zod';

/** Text of an outgoing message: 1–4096 characters, `{{placeholders}}` allowed. */
export const messageTextSchema = z
  .string()
  .min(1)
  .max(4096)
  .meta({ description: 'Message text, 1–4096 characters. Placeholders: {{attribute}} or {{attribute.path.0.key}}.', editor: 'textarea' });
