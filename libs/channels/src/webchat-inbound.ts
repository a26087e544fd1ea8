import { z } from 'zod';
import type { ParseError } from './channel-adapter';

/**
 * The widget's message body (`POST /webchat/:channelId/messages`):
 * `clientMessageId` is chosen by the browser once per message and reused on
 * retries, so a retried POST is stored once.
 */
export const webchatInboundBodySchema = z.object({
  clientMessageId: z
    .string({ error: (issue) => (issue.input === undefined ? 'clientMessageId: required string' : 'clientMessageId: must be a string') })
    .regex(/^[A-Za-z0-9_-]{1,100}$/, { error: 'clientMessageId: must be 1–100 characters of A-Z a-z 0-9 _ -' }),
  text: z
    .string({ error: (issue) => (issue.input === undefined ? 'text: required string' : 'text: must be a string') })
    .max(4096, { error: 'text: must be at most 4096 characters' })
    .refine((text) => text.trim() !== '', { error: 'text: must not be blank' }),
});
export type WebchatInboundBody = z.infer<typeof webchatInboundBodySchema>;

/** A visitor's message, ready for the inbox. */
export type WebchatInboundMessage = {
  /** `<visitorId>:<clientMessageId>`: unique per channel, so visitors cannot collide or block each other's ids. */
  channelMessageId: string;
  contact: string;
  text: string;
  payload: { clientMessageId: string; text: string };
};

/**
 * Validates a parsed widget body for `visitorId`. On failure names the first bad
 * field, e.g. `{ field: 'text', rule: 'too-long', message: 'text: must be at most 4096 characters' }`.
 */
export function parseWebchatInbound(
  body: unknown,
  visitorId: string,
): { ok: true; message: WebchatInboundMessage } | { ok: false; error: ParseError } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: { field: '(body)', rule: 'type', message: '(body): must be a JSON object' } };
  }
  const parsed = webchatInboundBodySchema.safeParse(body);
  if (parsed.success) {
    const { clientMessageId, text } = parsed.data;
    return {
      ok: true,
      message: { channelMessageId: `${visitorId}:${clientMessageId}`, contact: visitorId, text, payload: { clientMessageId, text } },
    };
  }
  const [issue] = parsed.error.issues;
  const field = issue?.path[0];
  const rule: ParseError['rule'] =
    issue?.code === 'invalid_type'
      ? typeof field === 'string' && Reflect.get(body, field) === undefined
        ? 'required'
        : 'type'
      : issue?.code === 'too_big'
        ? 'too-long'
        : 'format';
  return { ok: false, error: { field: typeof field === 'string' ? field : '(body)', rule, message: issue?.message ?? '(body): invalid' } };
}
