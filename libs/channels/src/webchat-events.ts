import { z } from 'zod';

/**
 * The Redis pub/sub channel on which workers announce delivered web chat
 * replies, under the deployment's key prefix (the BullMQ prefix), so two
 * Parleys sharing a Redis never hear each other.
 */
export function webchatEventsChannel(prefix: string): string {
  return `${prefix}:webchat:delivered`;
}

/**
 * One announcement: the reply with `seq` for visitor `contact` of `channelId`
 * is stored and marked sent. Subscribers read the reply itself from Postgres
 * (the notice carries no content), so a lost or repeated notice costs at most
 * a query, never a wrong or duplicate message.
 */
export const webchatDeliveredNoticeSchema = z.object({
  channelId: z.string().min(1),
  contact: z.string().min(1),
  /** Message.seq as a decimal string (a bigint does not fit JSON numbers). */
  seq: z.string().regex(/^\d{1,19}$/),
});
export type WebchatDeliveredNotice = z.infer<typeof webchatDeliveredNoticeSchema>;

/** Parses a pub/sub payload; null for anything that is not a notice. */
export function parseWebchatDeliveredNotice(raw: string): WebchatDeliveredNotice | null {
  try {
    const parsed = webchatDeliveredNoticeSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What the widget receives for one message, on the SSE stream and in the history. */
export type WebchatTranscriptEntry = {
  /** Message.seq as a decimal string; the SSE event id of a bot reply. */
  seq: string;
  id: string;
  from: 'visitor' | 'bot';
  text: string;
  /** Quick replies of a bot message (tapping one sends its label). */
  buttons: { label: string }[];
  /** The widget's own id for a visitor message (absent for bot messages). */
  clientMessageId?: string;
  createdAt: string;
};

/** A stored inbox/outbox row as the widget sees it. */
export function toWebchatTranscriptEntry(message: {
  seq: bigint;
  id: string;
  direction: 'inbound' | 'outbound';
  text: string | null;
  payload: unknown;
  createdAt: Date;
}): WebchatTranscriptEntry {
  const payload = typeof message.payload === 'object' && message.payload !== null ? message.payload : {};
  const clientMessageId: unknown = Reflect.get(payload, 'clientMessageId');
  const buttons: unknown = Reflect.get(payload, 'buttons');
  return {
    seq: message.seq.toString(),
    id: message.id,
    from: message.direction === 'inbound' ? 'visitor' : 'bot',
    text: message.text ?? '',
    buttons:
      message.direction === 'outbound' && Array.isArray(buttons)
        ? buttons.flatMap((button: unknown) => {
            const label: unknown = typeof button === 'object' && button !== null ? Reflect.get(button, 'label') : undefined;
            return typeof label === 'string' && label !== '' ? [{ label }] : [];
          })
        : [],
    ...(message.direction === 'inbound' && typeof clientMessageId === 'string' ? { clientMessageId } : {}),
    createdAt: message.createdAt.toISOString(),
  };
}
