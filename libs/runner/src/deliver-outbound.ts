import { randomUUID } from 'node:crypto';
import { ChannelRenderError, readProviderResponse, redactSecrets, renderOutboundRequest, type OutboundChannel, type OutboundRequestSpec } from '@parley/channels';
import {
  claimNextOutbound,
  getMessage,
  markOutboundFailed,
  markOutboundSent,
  releaseOutboundLease,
  renewOutboundLease,
  type Message,
  type OutboundClaim,
} from '@parley/db';
import { HttpRequestError, httpRequest, type HttpErrorKind, type HttpPolicy, type RetryOptions } from '@parley/http';
import type { OutboundJob } from '@parley/queue';
import { defaultDeliverySettings, type DeliverySettings, type RunnerContext } from './runner-context';
import { deliverWebchat } from './deliver-webchat';

/**
 * What became of the job's own message:
 * - sent: this call delivered it (`attempts`: HTTP attempts of the successful request);
 * - already-sent: it was delivered before, by an earlier job or a concurrent one;
 * - permanent-failure: it is marked failed (now or before) and will not be retried;
 * - missing: no such outbound message;
 * - waiting: it is still pending behind an earlier reply of its contact (or its own
 *   retry backoff) that is in flight elsewhere or backing off: try again at `until`.
 */
export type DeliveryResult =
  | { kind: 'sent'; attempts: number }
  | { kind: 'already-sent' }
  | { kind: 'permanent-failure'; error: string }
  | { kind: 'missing' }
  | { kind: 'waiting'; until: number };

/** How often a job blocked by a delivery in flight elsewhere looks again (that delivery usually sends its message too). */
const inFlightPollMs = 1_000;

/**
 * Delivers the job's stored outbound message, in order: a contact's replies reach
 * the channel in the order they were produced (seq), whatever the number of
 * workers and concurrent jobs.
 * - Only the contact's earliest pending reply may be sent, by whoever holds its
 *   lease (`claimNextOutbound`, Postgres): the job sends that one, then the next,
 *   and so on (at most `maxPerJob`), so a burst of replies goes out in one job and
 *   the jobs of the later ones find them sent. While another worker's attempt is
 *   in flight, or the head reply backs off after a failure, the job is `waiting`.
 * - A message already marked sent is never sent again from our side; a crash
 *   between the request and the mark can repeat a request, and receivers dedupe
 *   on the `webhook-id` header, which is the message's idempotency key.
 * - The request goes through the SSRF guard under the channel workspace's
 *   allowlist (`settings.http.allowlist`): a receiver on a private or loopback
 *   address must be allowlisted there.
 * - 5xx, 408 and timeouts are retried inside the HTTP client with backoff; when
 *   those retries are exhausted the attempt counts as failed, and the reply (with
 *   the contact's later ones) waits 1 s, 2 s, 4 s ... before the next attempt,
 *   up to `maxAttempts`, then is marked failed.
 *   A 429 (the channel's rate limit) waits the same way.
 * - Any other 4xx, a refusal in a 2xx (Telegram `ok: false`), a reply the
 *   channel cannot take (too long, too many buttons), a misconfigured channel, a
 *   refused destination (`blocked`), a redirect loop or an invalid
 *   request/policy is permanent: the reply is marked failed at once and the
 *   contact's next reply goes.
 * - The request is rendered by channel type (`renderOutboundRequest`: HTTP,
 *   WhatsApp, Telegram); stored and logged errors carry the channel's reason and
 *   never its secrets (a Telegram bot token is part of the URL).
 * Throws only when Postgres fails (the queue retries the job; a lease left behind
 * expires after `leaseMs`).
 */
export async function deliverOutbound(
  ctx: RunnerContext,
  job: OutboundJob,
  retry?: Partial<RetryOptions>,
  options: DeliverOptions = {},
): Promise<DeliveryResult> {
  const settings: DeliverySettings = { ...defaultDeliverySettings, ...ctx.delivery };
  let target: { channelId: string; contact: string };
  if (job.channelId !== undefined && job.contact !== undefined) {
    // The job names the contact: its replies are claimed straight away (a settled message is found idle below).
    target = { channelId: job.channelId, contact: job.contact };
  } else {
    const own = await getMessage(ctx.db, job.messageId);
    if (!own || own.direction !== 'outbound') return { kind: 'missing' };
    const settled = settledResult(own);
    if (settled) return settled;
    target = { channelId: own.channelId, contact: own.contact };
  }

  let result: DeliveryResult | null = null;
  let route: Route | null = null;
  for (let sent = 0; sent < settings.maxPerJob; sent++) {
    const held = sent === 0 ? options.leased : undefined;
    const token = held?.deliveryToken ?? randomUUID();
    const input = { ...target, token, leaseMs: settings.leaseMs };
    const claim: OutboundClaim = held ? { kind: 'claimed', message: held } : ctx.outbox ? await ctx.outbox.claim(input) : await claimNextOutbound(ctx.db, input);
    if (claim.kind === 'idle') break;
    if (claim.kind === 'busy') {
      if (result) return result;
      const until = claim.inFlight ? Math.min(claim.until.getTime(), Date.now() + inFlightPollMs) : claim.until.getTime();
      return { kind: 'waiting', until };
    }
    route ??= await resolveRoute(ctx, target.channelId);
    const attempt = await attemptDelivery(ctx, route, claim.message, token, settings, retry);
    if (claim.message.id === job.messageId) {
      if (attempt.kind === 'retry') return { kind: 'waiting', until: attempt.until };
      result = attempt.kind === 'sent' ? { kind: 'sent', attempts: attempt.attempts } : { kind: 'permanent-failure', error: attempt.error };
      if (options.drainAfterOwn === false) return result;
    } else if (attempt.kind === 'retry') {
      // An earlier reply (before ours) or a later one (drained after ours) backs off.
      return result ?? { kind: 'waiting', until: attempt.until };
    }
  }
  if (result) return result;
  const now = await getMessage(ctx.db, job.messageId);
  if (!now || now.direction !== 'outbound') return { kind: 'missing' };
  // A job naming another contact than its message's: deliver by the message's own.
  if (now.status === 'pending' && (now.channelId !== target.channelId || now.contact !== target.contact)) {
    return deliverOutbound(ctx, { messageId: job.messageId }, retry, options);
  }
  // Still pending after maxPerJob earlier replies: come back at once.
  return settledResult(now) ?? { kind: 'waiting', until: Date.now() };
}

export type DeliverOptions = {
  /**
   * Whether to go on with the contact's later replies once the job's own message
   * is settled (default true: a burst of replies goes out in one job). False when
   * every later reply has a delivery of its own coming (deliverRepliesNow).
   */
  drainAfterOwn?: boolean;
  /**
   * The contact's earliest pending reply, already claimed by this caller (stored with its
   * lease by the turn that wrote it: its `deliveryToken` is the lease's token): sent first,
   * without a claim statement.
   */
  leased?: Message;
};

type AttemptOutcome =
  | { kind: 'sent'; attempts: number }
  | { kind: 'failed'; error: string }
  | { kind: 'retry'; error: string; until: number };

/** Where a channel's replies go, or why they cannot go anywhere. */
type Route =
  | { ok: true; channel: OutboundChannel & { id: string }; policy: HttpPolicy }
  | { ok: false; error: string };

async function resolveRoute(ctx: RunnerContext, channelId: string): Promise<Route> {
  const channel = await ctx.channels.get(ctx.db, channelId);
  if (!channel) return { ok: false, error: `channel ${channelId} not found` };
  const policy = ctx.egress?.channels ?? {};
  return { ok: true, channel: { id: channel.id, type: channel.type, config: channel.config, secrets: channel.secrets }, policy };
}

/** Sends one claimed message; marks it sent, failed, or backing off (releasing the lease). */
async function attemptDelivery(
  ctx: RunnerContext,
  route: Route,
  message: Message,
  token: string,
  settings: DeliverySettings,
  retry: Partial<RetryOptions> | undefined,
): Promise<AttemptOutcome> {
  // Bindings per call, not a child logger per reply: a child serializes its bindings (through redaction) even when nothing is logged.
  const ids = { sessionId: message.sessionId, messageId: message.id };
  const fail = async (error: string): Promise<AttemptOutcome> => {
    await markOutboundFailed(ctx.db, message.id, error);
    ctx.logger.warn({ ...ids, err: error, attempts: message.attempts }, 'reply failed permanently');
    return { kind: 'failed', error };
  };
  if (!route.ok) return fail(route.error);
  // Web chat replies are not sent over HTTP: they are marked sent and announced to the
  // API processes holding the visitor's event stream (in order, under the same claim).
  if (route.channel.type === 'webchat') {
    const delivered = await deliverWebchat(ctx, message);
    return delivered.kind === 'sent' ? delivered : fail(delivered.error);
  }

  const { channel } = route;
  let request: OutboundRequestSpec;
  try {
    request = renderOutboundRequest(channel, {
      channelId: channel.id,
      to: message.contact,
      text: message.text ?? '',
      buttons: readButtons(message.payload),
      linkPreview: readBoolean(message.payload, 'linkPreview'),
      idempotencyKey: message.channelMessageId,
      sessionId: message.sessionId ?? '',
    });
  } catch (error) {
    if (error instanceof ChannelRenderError) return fail(error.message);
    throw error;
  }
  // Keep the lease while the request (with the client's own retries) runs.
  const startedAt = Date.now();
  let leaseLost = false;
  const heartbeat = setInterval(() => {
    renewOutboundLease(ctx.db, message.id, token, settings.leaseMs).then(
      (renewed) => {
        if (!renewed && !leaseLost) {
          leaseLost = true;
          ctx.logger.warn({ ...ids, elapsedMs: Date.now() - startedAt, leaseMs: settings.leaseMs }, 'delivery lease lost: another attempt may send this reply too');
        }
      },
      () => undefined,
    );
  }, Math.max(250, Math.floor(settings.leaseMs / 3)));
  heartbeat.unref();
  try {
    const response = await httpRequest({ ...request, ...(retry ? { retry } : {}) }, { policy: route.policy });
    const answer = readProviderResponse(channel.type, response.status, response.body);
    if (!answer.ok) return fail(redactSecrets(answer.error, channel.secrets));
    await markSentPersistently(ctx, message.id, answer.providerMessageId);
    ctx.logger.info({ ...ids, attempts: response.attempts, providerMessageId: answer.providerMessageId }, 'reply delivered');
    return { kind: 'sent', attempts: response.attempts };
  } catch (error) {
    if (!(error instanceof HttpRequestError)) throw error;
    // The channel's own reason when it answered; never the channel's secrets.
    const answer = error.response ? readProviderResponse(channel.type, error.response.status, error.response.body) : undefined;
    const reason = redactSecrets(answer && !answer.ok ? `${error.message}: ${answer.error}` : error.message, channel.secrets);
    if (isPermanent(error)) return fail(reason);
    if (message.attempts >= settings.maxAttempts) return fail(`gave up after ${message.attempts} attempts: ${reason}`);
    const retryInMs = retryDelayMs(message.attempts);
    await releaseOutboundLease(ctx.db, message.id, token, reason, retryInMs);
    ctx.logger.warn({ ...ids, err: reason, attempts: message.attempts, retryInMs }, 'delivery failed; the contact’s replies wait');
    return { kind: 'retry', error: reason, until: Date.now() + retryInMs };
  } finally {
    clearInterval(heartbeat);
  }
}

/** How long a delivered reply keeps trying to record that it was sent (Postgres briefly unreachable). */
const markSentPatienceMs = 60_000;

/**
 * Records a delivered reply as sent, with the channel's id for it when the send
 * call returned one (WhatsApp status callbacks are matched on it), retrying for up
 * to a minute: the receiver has it, and giving up now would let its lease expire
 * and another attempt send it again once Postgres is back. Throws (the job
 * retries) only after that.
 */
async function markSentPersistently(
  ctx: RunnerContext,
  id: string,
  providerMessageId: string | null,
): Promise<void> {
  const deadline = Date.now() + markSentPatienceMs;
  for (let delay = 200; ; delay = Math.min(delay * 2, 2000)) {
    try {
      if (ctx.outbox) await ctx.outbox.markSent(id, providerMessageId);
      else await markOutboundSent(ctx.db, id, { providerMessageId });
      return;
    } catch (error) {
      if (Date.now() + delay > deadline) throw error;
      if (delay === 200) ctx.logger.warn({ messageId: id, err: error instanceof Error ? error.message : String(error) }, 'reply delivered but not yet recorded as sent; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function settledResult(message: Message): DeliveryResult | null {
  if (message.status === 'sent') return { kind: 'already-sent' };
  if (message.status === 'failed') return { kind: 'permanent-failure', error: message.error ?? 'delivery failed' };
  return null;
}

/** Wait after the `attempts`-th failed attempt: 1 s, 2 s, 4 s ... at most 5 minutes. */
function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
}

const PERMANENT_KINDS: ReadonlySet<HttpErrorKind> = new Set(['blocked', 'too-many-redirects', 'invalid-request', 'certificate']);

/** Failures a later attempt cannot fix (a 4xx other than 408 and 429, or a refusal before any response). */
function isPermanent(error: HttpRequestError): boolean {
  if (error.kind === 'status') return error.status !== undefined && error.status < 500 && error.status !== 408 && error.status !== 429;
  return PERMANENT_KINDS.has(error.kind);
}

function readString(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const field: unknown = Reflect.get(value, key);
  return typeof field === 'string' && field.length > 0 ? field : null;
}

function readBoolean(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && Reflect.get(value, key) === true;
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
