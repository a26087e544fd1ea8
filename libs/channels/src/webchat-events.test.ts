import { describe, expect, it } from 'vitest';
import { parseWebchatDeliveredNotice, toWebchatTranscriptEntry, webchatEventsChannel } from './webchat-events';

describe('toWebchatTranscriptEntry', () => {
  const createdAt = new Date('2025-01-02T03:04:05.000Z');

  it('shows a bot reply with its quick replies and seq as a string', () => {
    expect(
      toWebchatTranscriptEntry({ seq: 42n, id: 'm', direction: 'outbound', text: 'Pick', payload: { text: 'Pick', buttons: [{ label: 'A' }, { nope: 1 }] }, createdAt }),
    ).toEqual({ seq: '42', id: 'm', from: 'bot', text: 'Pick', buttons: [{ label: 'A' }], createdAt: '2025-01-02T03:04:05.000Z' });
  });

  it('shows a visitor message with its clientMessageId', () => {
    expect(toWebchatTranscriptEntry({ seq: 1n, id: 'i', direction: 'inbound', text: 'hi', payload: { clientMessageId: 'c' }, createdAt })).toEqual({
      seq: '1',
      id: 'i',
      from: 'visitor',
      text: 'hi',
      buttons: [],
      clientMessageId: 'c',
      createdAt: '2025-01-02T03:04:05.000Z',
    });
  });
});

describe('web chat delivery notices', () => {
  it('live under the deployment prefix and parse back, refusing anything else', () => {
    expect(webchatEventsChannel('parley')).toBe('parley:webchat:delivered');
    const notice = { channelId: 'c', contact: 'v_1', seq: '12' };
    expect(parseWebchatDeliveredNotice(JSON.stringify(notice))).toEqual(notice);
    expect(parseWebchatDeliveredNotice('{"channelId":"c","contact":"v","seq":12}')).toBeNull();
    expect(parseWebchatDeliveredNotice('not json')).toBeNull();
  });
});
