import { describe, expect, it } from 'vitest';
import { parseWebchatInbound } from './webchat-inbound';

describe('parseWebchatInbound', () => {
  it('scopes the dedupe key to the visitor', () => {
    expect(parseWebchatInbound({ clientMessageId: 'm-1', text: 'hi' }, 'v_1')).toEqual({
      ok: true,
      message: { channelMessageId: 'v_1:m-1', contact: 'v_1', text: 'hi', payload: { clientMessageId: 'm-1', text: 'hi' } },
    });
  });

  it('names the bad field', () => {
    expect(parseWebchatInbound({ text: 'hi' }, 'v')).toMatchObject({ ok: false, error: { field: 'clientMessageId', rule: 'required' } });
    expect(parseWebchatInbound({ clientMessageId: 'a b', text: 'hi' }, 'v')).toMatchObject({ ok: false, error: { field: 'clientMessageId', rule: 'format' } });
    expect(parseWebchatInbound({ clientMessageId: 'a', text: 5 }, 'v')).toMatchObject({ ok: false, error: { field: 'text', rule: 'type' } });
    expect(parseWebchatInbound({ clientMessageId: 'a', text: ' \n' }, 'v')).toMatchObject({ ok: false, error: { field: 'text', rule: 'format' } });
    expect(parseWebchatInbound({ clientMessageId: 'a', text: 'x'.repeat(4097) }, 'v')).toMatchObject({ ok: false, error: { field: 'text', rule: 'too-long' } });
    expect(parseWebchatInbound([], 'v')).toMatchObject({ ok: false, error: { field: '(body)', rule: 'type' } });
  });
});
