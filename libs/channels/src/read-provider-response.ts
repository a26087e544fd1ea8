import { asArray, asObject, numberField, objectField, stringField } from './json-fields';

export type ProviderResponse =
  /** Accepted; `providerMessageId` is the channel's id for the sent message (WhatsApp wamid, Telegram message_id), when it gave one. */
  | { ok: true; providerMessageId: string | null }
  /** Refused: what the channel said, short and without secrets (error bodies never echo tokens). */
  | { ok: false; error: string };

const MAX_ERROR = 500;

/**
 * Reads a channel API's answer to a rendered outbound request.
 * - WhatsApp: 2xx `{ messaging_product, contacts, messages: [{ id: 'wamid...' }] }`;
 *   errors `{ error: { code, message, error_data: { details } } }`.
 * - Telegram: `{ ok: true, result: Message }`; errors `{ ok: false, error_code, description }`
 *   (a 2xx with `ok: false` is a refusal too).
 * - HTTP channel: any 2xx is accepted; no provider id.
 * Never throws; a body that is not JSON yields what can be said from the status.
 */
export function readProviderResponse(channelType: string, status: number, body: string): ProviderResponse {
  const json = asObject(parseJson(body));
  if (channelType === 'whatsapp') {
    if (status >= 400) {
      const error = objectField(json, 'error');
      const details = stringField(objectField(error, 'error_data'), 'details');
      return refused(`WhatsApp answered ${status}, error ${numberField(error, 'code') ?? '?'}: ${stringField(error, 'message') ?? 'no message'}${details ? ` (${details})` : ''}`);
    }
    const first = asObject(asArray(json?.['messages'])?.[0]);
    return { ok: true, providerMessageId: stringField(first, 'id') ?? null };
  }
  if (channelType === 'telegram') {
    if (status >= 400 || json?.['ok'] !== true) {
      return refused(`Telegram answered ${status}, error ${numberField(json, 'error_code') ?? '?'}: ${stringField(json, 'description') ?? 'no description'}`);
    }
    const messageId = numberField(objectField(json, 'result'), 'message_id');
    return { ok: true, providerMessageId: messageId === undefined ? null : String(messageId) };
  }
  return status >= 400 ? refused(`receiver answered ${status}`) : { ok: true, providerMessageId: null };
}

function refused(error: string): ProviderResponse {
  return { ok: false, error: error.length > MAX_ERROR ? `${error.slice(0, MAX_ERROR - 1)}…` : error };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
