import { z } from 'zod';

/** A base URL without a trailing slash: paths are appended to it. */
const baseUrlSchema = (what: string) =>
  z
    .url({ protocol: /^https?$/, error: `must be an http(s) URL (${what})` })
    .transform((url) => url.replace(/\/+$/, ''));

/**
 * A WhatsApp Cloud API channel's non-secret settings (the Channel row's `config`).
 * `graphBaseUrl` is configurable so tests (and proxies) can stand in for Meta.
 * `phoneNumberId` is the business phone number's id (not the phone number): it
 * names the send endpoint and filters incoming webhooks, since Meta delivers
 * every phone number of an app to the same callback.
 */
export const whatsappConfigSchema = z.object({
  graphBaseUrl: baseUrlSchema('Graph API base, e.g. https://graph.facebook.com').default('https://graph.facebook.com'),
  graphVersion: z
    .string()
    .regex(/^v\d{1,3}\.\d{1,3}$/, { error: 'must look like v21.0' })
    .default('v21.0'),
  phoneNumberId: z.string().regex(/^\d{1,32}$/, { error: 'must be the numeric phone number ID from the WhatsApp Manager' }),
  /** Label of the button that opens a list of 4–10 quick replies (1–20 characters). */
  listButtonText: z.string().trim().min(1).max(20).default('Choose'),
});
export type WhatsAppConfig = z.infer<typeof whatsappConfigSchema>;

/** A WhatsApp channel's credentials (the Channel row's sealed `secrets`). */
export const whatsappSecretsSchema = z.object({
  /** System-user or business access token, sent as `Authorization: Bearer` when replying. */
  accessToken: z.string().min(1).max(4096),
  /** The Meta app's secret: Meta signs each webhook POST with it (X-Hub-Signature-256). */
  appSecret: z.string().min(1).max(1024),
  /** Chosen by you and typed into Meta's webhook settings; echoed in the GET handshake. */
  verifyToken: z.string().min(1).max(1024),
});
export type WhatsAppSecrets = z.infer<typeof whatsappSecretsSchema>;

/** Config and secrets together: what the WhatsApp adapter's verify and render take. */
export const whatsappChannelConfigSchema = whatsappConfigSchema.extend(whatsappSecretsSchema.shape);
export type WhatsAppChannelConfig = z.infer<typeof whatsappChannelConfigSchema>;
