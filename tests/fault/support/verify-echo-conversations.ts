import type { Platform } from '../../support/start-platform';
import { waitFor } from '../../support/wait-for';

/** What the echo bot must answer to messages "1".."n", in this order. */
export function echoReplies(perSession: number): string[] {
  return ['ready', ...Array.from({ length: perSession - 1 }, (_, i) => `echo ${i + 2}`)];
}

export type DeliveryReport = {
  /** Distinct replies received (by idempotency key, the `webhook-id` header). */
  distinct: number;
  /** Requests that repeated an idempotency key already received (receivers drop them). */
  redelivered: number;
  /** The first few repeats: key, time since its first arrival, delivery attempts counted in Postgres. */
  repeats: { key: string; afterMs: number; attempts: number }[];
  /** Contacts whose checks failed, with what was wrong (empty when all is well). */
  problems: string[];
};

/** Waits until the receiver holds `perSession` distinct replies for every contact, or `timeoutMs` passed. */
export async function waitForEveryReply(platform: Platform, contacts: readonly string[], perSession: number, timeoutMs: number): Promise<void> {
  const of = new Set(contacts);
  await waitFor(
    `${contacts.length * perSession} distinct replies`,
    () => (distinctReplies(platform, of) >= contacts.length * perSession ? true : undefined),
    timeoutMs,
  ).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)} (have ${distinctReplies(platform, of)})`);
  });
}

/** Distinct replies (by idempotency key) the receiver got, for `contacts` or everyone. */
export function distinctReplies(platform: Platform, contacts?: ReadonlySet<string>): number {
  const replies = contacts ? platform.receiver.replies.filter((reply) => contacts.has(reply.to)) : platform.receiver.replies;
  return new Set(replies.map((reply) => reply.webhookId)).size;
}

/**
 * Every message answered exactly once and in order, checked on both sides:
 * - at the receiver: per contact, the distinct replies (first arrival of each
 *   idempotency key) are exactly the expected texts, in the expected order, with
 *   valid signatures;
 * - in Postgres: per contact, one session; every inbound message processed; the
 *   outbound rows, in seq order, are exactly the expected texts, all sent.
 */
export async function verifyEchoConversations(platform: Platform, contacts: readonly string[], perSession: number): Promise<DeliveryReport> {
  const expected = echoReplies(perSession);
  const problems: string[] = [];
  let distinct = 0;
  let redelivered = 0;
  const repeats: DeliveryReport['repeats'] = [];
  const byContact = new Map<string, typeof platform.receiver.replies>();
  for (const reply of platform.receiver.replies) byContact.set(reply.to, [...(byContact.get(reply.to) ?? []), reply]);

  const [inbound, outbound, sessions] = await Promise.all([
    platform.db.message.findMany({
      where: { channelId: platform.channelId, direction: 'inbound', contact: { in: [...contacts] } },
      select: { contact: true, status: true },
    }),
    platform.db.message.findMany({
      where: { channelId: platform.channelId, direction: 'outbound', contact: { in: [...contacts] } },
      orderBy: { seq: 'asc' },
      select: { contact: true, text: true, status: true, channelMessageId: true, attempts: true },
    }),
    platform.db.session.groupBy({ by: ['contact'], where: { channelId: platform.channelId, contact: { in: [...contacts] } }, _count: true }),
  ]);
  const sessionCount = new Map(sessions.map((row) => [row.contact, row._count]));

  for (const contact of contacts) {
    const received = byContact.get(contact) ?? [];
    const seen = new Map<string, number>();
    const firsts = received.filter((reply) => {
      const first = seen.get(reply.webhookId);
      if (first === undefined) {
        seen.set(reply.webhookId, reply.receivedAt);
        return true;
      }
      if (repeats.length < 10) {
        const attempts = outbound.find((row) => row.channelMessageId === reply.webhookId)?.attempts ?? -1;
        repeats.push({ key: reply.webhookId, afterMs: reply.receivedAt - first, attempts });
      }
      return false;
    });
    distinct += firsts.length;
    redelivered += received.length - firsts.length;
    const texts = firsts.map((reply) => reply.text);
    if (texts.join('|') !== expected.join('|')) problems.push(`${contact}: received ${JSON.stringify(texts)}`);
    if (received.some((reply) => !reply.signatureValid)) problems.push(`${contact}: a reply with an invalid signature`);

    const stored = outbound.filter((row) => row.contact === contact);
    const storedTexts = stored.map((row) => row.text ?? '');
    if (storedTexts.join('|') !== expected.join('|')) problems.push(`${contact}: stored replies ${JSON.stringify(storedTexts)}`);
    const unsent = stored.filter((row) => row.status !== 'sent');
    if (unsent.length > 0) problems.push(`${contact}: ${unsent.length} replies not marked sent`);
    if (texts.join('|') === expected.join('|') && firsts.map((reply) => reply.webhookId).join('|') !== stored.map((row) => row.channelMessageId).join('|')) {
      problems.push(`${contact}: received idempotency keys differ from the stored ones`);
    }
    const inboundRows = inbound.filter((row) => row.contact === contact);
    if (inboundRows.length !== perSession) problems.push(`${contact}: ${inboundRows.length} inbound messages stored`);
    if (inboundRows.some((row) => row.status !== 'processed')) problems.push(`${contact}: inbound messages left unprocessed`);
    if (sessionCount.get(contact) !== 1) problems.push(`${contact}: ${sessionCount.get(contact) ?? 0} sessions`);
  }
  return { distinct, redelivered, repeats, problems };
}
