import { z } from 'zod';

/**
 * A Telegram bot channel's non-secret settings (the Channel row's `config`).
 * `apiBaseUrl` is configurable so tests (and a self-hosted Bot API server) can
 * stand in for api.telegram.org.
 */
export const telegramConfigSchema = z.object({
  apiBaseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://api.telegram.org' })
    .transform((url) => url.replace(/\/+$/, ''))
    .default('https://api.telegram.org'),
});
export type TelegramConfig = z.infer<typeof telegramConfigSchema>;

/** A Telegram channel's credentials (the Channel row's sealed `secrets`). */
export const telegramSecretsSchema = z.object({
  /** The token @BotFather gives, `<bot id>:<secret>`; it is part of every Bot API URL. */
  botToken: z.string().regex(/^\d{1,20}:[A-Za-z0-9_-]{1,200}$/, { error: 'must be a bot token like 123456:ABC-DEF...' }),
  /** The `secret_token` given to setWebhook: Telegram echoes it in X-Telegram-Bot-Api-Secret-Token. */
  webhookSecretToken: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, { error: 'must be 1–256 characters A-Z, a-z, 0-9, _ or -' }),
});
export type TelegramSecrets = z.infer<typeof telegramSecretsSchema>;

/** Config and secrets together: what the Telegram adapter's verify and render take. */
export const telegramChannelConfigSchema = telegramConfigSchema.extend(telegramSecretsSchema.shape);
export type TelegramChannelConfig = z.infer<typeof telegramChannelConfigSchema>;
