import { webhookElement, webhookSchema, type HttpRateLimit } from '@parley/elements';

/**
 * The limits the Webhook element itself puts on its `http.request` call (spec: 100/s per
 * endpoint, 50/s per endpoint per IP address), read from a call it builds, so these tests
 * follow the element if the numbers ever change.
 */
export function webhookRateLimitOf(url: string): HttpRateLimit {
  const element = webhookSchema.parse({ id: 'hook', type: 'webhook', url });
  const outcome = webhookElement.run(element, { attributes: {}, declarations: {}, now: 0, random: () => 0 });
  const effect = outcome.kind === 'wait' ? outcome.effects[0] : undefined;
  if (effect?.type !== 'call' || effect.call.name !== 'http.request' || effect.call.rateLimit === undefined) {
    throw new Error('the Webhook element built no rate-limited http.request call');
  }
  return effect.call.rateLimit;
}
