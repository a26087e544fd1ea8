import { describe, expect, it } from 'vitest';
import { parseHttpInbound } from './parse-http-inbound';

const valid = { messageId: 'm-1', from: '+15550100', text: 'hello' };

describe('parseHttpInbound', () => {
  it('maps a valid body to an inbound message and ignores extra fields', () => {
    expect(parseHttpInbound({ ...valid, locale: 'en', nested: { a: 1 } })).toEqual({
      ok: true,
      message: { channelMessageId: 'm-1', contact: '+15550100', text: 'hello' },
    });
  });

  it('accepts empty text and the maximum lengths', () => {
    const edge = { messageId: 'm'.repeat(200), from: 'f'.repeat(200), text: '' };
    expect(parseHttpInbound(edge).ok).toBe(true);
    expect(parseHttpInbound({ ...valid, text: 't'.repeat(4096) }).ok).toBe(true);
  });

  it.each([
    [{ from: 'a', text: 'b' }, 'messageId', 'required', 'messageId: required string'],
    [{ ...valid, messageId: 42 }, 'messageId', 'type', 'messageId: must be a string'],
    [{ ...valid, messageId: '' }, 'messageId', 'too-short', 'messageId: must be 1–200 characters'],
    [{ ...valid, messageId: 'm'.repeat(201) }, 'messageId', 'too-long', 'messageId: must be 1–200 characters'],
    [{ messageId: 'm', text: 'b' }, 'from', 'required', 'from: required string'],
    [{ ...valid, from: null }, 'from', 'type', 'from: must be a string'],
    [{ ...valid, from: '' }, 'from', 'too-short', 'from: must be 1–200 characters'],
    [{ ...valid, from: 'f'.repeat(201) }, 'from', 'too-long', 'from: must be 1–200 characters'],
    [{ messageId: 'm', from: 'f' }, 'text', 'required', 'text: required string'],
    [{ ...valid, text: ['hi'] }, 'text', 'type', 'text: must be a string'],
    [{ ...valid, text: 't'.repeat(4097) }, 'text', 'too-long', 'text: must be at most 4096 characters'],
  ])('%j is refused naming %s', (body, field, rule, message) => {
    expect(parseHttpInbound(body)).toEqual({ ok: false, error: { field, rule, message } });
  });

  it('names the first bad field in order messageId, from, text', () => {
    const result = parseHttpInbound({ text: 5 });
    expect(result.ok ? undefined : result.error.field).toBe('messageId');
  });

  it.each([null, undefined, 'a string', 42, [valid]])('refuses a non-object body (%j)', (body) => {
    expect(parseHttpInbound(body)).toEqual({
      ok: false,
      error: { field: '(body)', rule: 'type', message: '(body): must be a JSON object' },
    });
  });
});
