import { z } from 'zod';

/**
 * A Standard Webhooks signing secret: `whsec_` followed by the base64 of 24–64
 * random bytes (the spec's range). `generateWebhookSecret` makes 32-byte ones.
 */
export const webhookSecretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, { error: 'must be whsec_ followed by base64', abort: true })
  .refine(
    (secret) => {
      const bytes = Buffer.from(secret.slice('whsec_'.length), 'base64').length;
      return bytes >= 24 && bytes <= 64;
    },
    { error: 'must encode 24 to 64 bytes' },
  );
export type WebhookSecret = z.infer<typeof webhookSecretSchema>;
