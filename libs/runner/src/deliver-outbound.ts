import { renderHttpOutbound } from '@parley/channels';
import { getChannel, getMessage, markOutboundSent, recordOutboundAttempt } from '@parley/db';
import { HttpRequestError, httpRequest, type RetryOptions } from '@parley/http';
import type { OutboundJob } from '@parley/queue';
import type { RunnerContext } from './runner-context';

export type DeliveryResult =
  | { kind: 'sent'; attempts: number }
  | { kind: 'already-sent' }
  | { kind: 'permanent-failure'; error: string }
  | { kind: 'missing' };

/**
 * Delivers one stored outbound message to its channel.
 * - A message already marked sent is skipped (a retried job never sends twice
 *   from our side; receivers can also dedupe on the `webhook-id` header, which
 *   is the message's idempotency key).
 * - 5xx, 408 and timeouts are retried inside the HTTP client with backoff;
 *   when those retries are exhausted this throws, so the queue retries later.
 * - Any other 4xx is permanent: reported, not retried.
 */
export async function deliverOutbound(
  ctx: RunnerContext,
  job: OutboundJob,
  retry?: Partial<RetryOptions>,
): Promise<DeliveryResult> {
  const message = await getMessage(ctx.db, job.messageId);
  if (!message || message.direction !== 'outbound') return { kind: 'missing' };
  if (message.status === 'sent') return { kind: 'already-sent' };
  const channel = await getChannel(ctx.db, message.channelId, ctx.secretKey);
  if (!channel) return { kind: 'permanent-failure', error: `channel ${message.channelId} not found` };
  const outboundUrl = readString(channel.config, 'outboundUrl');
  const secret = readString(channel.secrets, 'webhookSecret');
  if (!outboundUrl || !secret) return { kind: 'permanent-failure', error: 'channel has no outboundUrl or webhookSecret' };

  const rendered = renderHttpOutbound(
    {
      channelId: channel.id,
      to: message.contact,
      text: message.text ?? '',
      buttons: readButtons(message.payload),
      idempotencyKey: message.channelMessageId,
      sessionId: message.sessionId ?? '',
    },
    secret,
  );
  await recordOutboundAttempt(ctx.db, message.id);
  try {
    const response = await httpRequest({
      method: 'POST',
      url: outboundUrl,
      headers: rendered.headers,
      body: rendered.body,
      ...(retry ? { retry } : {}),
    });
    if (response.status >= 400) {
      return { kind: 'permanent-failure', error: `receiver answered ${response.status}` };
    }
    await markOutboundSent(ctx.db, message.id);
    ctx.logger.info({ sessionId: message.sessionId, messageId: message.id, attempts: response.attempts }, 'reply delivered');
    return { kind: 'sent', attempts: response.attempts };
  } catch (error) {
    if (error instanceof HttpRequestError && error.kind === 'status' && error.status !== undefined && error.status < 500 && error.status !== 408) {
      return { kind: 'permanent-failure', error: error.message };
    }
    throw error;
  }
}

function readString(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const field: unknown = Reflect.get(value, key);
  return typeof field === 'string' && field.length > 0 ? field : null;
}

function readButtons(payload: unknown): { label: string }[] | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const buttons: unknown = Reflect.get(payload, 'buttons');
  if (!Array.isArray(buttons) || buttons.length === 0) return undefined;
  return buttons.flatMap((button: unknown) => {
    const label = readString(button, 'label');
    return label ? [{ label }] : [];
  });
}
