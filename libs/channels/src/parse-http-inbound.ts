import { z } from 'zod';
import type { ParseError } from './channel-adapter';
import type { InboundMessage } from './inbound-message';

/** A string field whose errors read `field: rule`, e.g. `messageId: required string`. */
function boundedString(field: string, min: number, max: number) {
  const length = min === 0 ? `at most ${max} characters` : `${min}–${max} characters`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${field}: required string` : `${field}: must be a string`) })
    .min(min, { error: `${field}: must be ${length}` })
    .max(max, { error: `${field}: must be ${length}` });
}

/**
 * The generic HTTP channel's inbound body (`POST /webhooks/http/:channelId`,
 * JSON). Other fields are ignored, so senders may add their own.
 * Lengths are JavaScript string lengths (UTF-16 code units).
 */
export const httpInboundBodySchema = z.object({
  messageId: boundedString('messageId', 1, 200),
  from: boundedString('from', 1, 200),
  text: boundedString('text', 0, 4096),
});
export type HttpInboundBody = z.infer<typeof httpInboundBodySchema>;

export type HttpInboundResult = { ok: true; message: InboundMessage } | { ok: false; error: ParseError };

/**
 * Validates an already JSON-parsed HTTP channel body and maps it to an
 * `InboundMessage` (`messageId` → `channelMessageId`, `from` → `contact`).
 * On failure names the first bad field in the order messageId, from, text,
 * e.g. `{ field: 'messageId', rule: 'required', message: 'messageId: required string' }`.
 */
export function parseHttpInbound(body: unknown): HttpInboundResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: { field: '(body)', rule: 'type', message: '(body): must be a JSON object' } };
  }
  const parsed = httpInboundBodySchema.safeParse(body);
  if (parsed.success) {
    const { messageId, from, text } = parsed.data;
    return { ok: true, message: { channelMessageId: messageId, contact: from, text } };
  }
  const [issue] = parsed.error.issues;
  const field = issue?.path[0];
  return {
    ok: false,
    error: {
      field: typeof field === 'string' ? field : '(body)',
      rule: ruleOf(issue, body, field),
      message: issue?.message ?? '(body): invalid',
    },
  };
}

function ruleOf(issue: z.core.$ZodIssue | undefined, body: object, field: PropertyKey | undefined): ParseError['rule'] {
  switch (issue?.code) {
    case 'invalid_type':
      return field !== undefined && Reflect.get(body, field) === undefined ? 'required' : 'type';
    case 'too_small':
      return 'too-short';
    case 'too_big':
      return 'too-long';
    default:
      return 'format';
  }
}
