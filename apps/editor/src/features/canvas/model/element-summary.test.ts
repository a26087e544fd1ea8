import { describe, expect, it } from 'vitest';
import { elementSummary, maxSummaryLength } from './element-summary';

describe('elementSummary', () => {
  it("uses each element's telling field", () => {
    expect(elementSummary({ id: 'a', type: 'send-message', text: '\n  Hello there\nSecond line' })).toBe('Hello there');
    expect(elementSummary({ id: 'b', type: 'user-response', keywords: [{ id: 'y', text: 'Yes' }, { id: 'n', text: 'No' }], saveAs: 'answer' })).toBe('Yes, No → answer');
    expect(elementSummary({ id: 'c', type: 'user-response' })).toBe('Any reply');
    expect(elementSummary({ id: 'd', type: 'api', url: 'https://example.test/orders' })).toBe('GET https://example.test/orders');
    expect(elementSummary({ id: 'e', type: 'delay', seconds: 5 })).toBe('Wait 5 s');
    expect(elementSummary({ id: 'f', type: 'to-dialog', dialogId: 'faq' }, (id) => (id === 'faq' ? 'FAQ' : undefined))).toBe('→ FAQ');
    expect(elementSummary({ id: 'g', type: 'close-session' })).toBe('');
    expect(elementSummary({ id: 'h', type: 'customer-profiles-tags', action: 'remove', tags: ['vip', 'beta'] })).toBe('Remove vip, beta');
    expect(elementSummary({ id: 'i', type: 'webhook', urlType: 'dynamic', urlAttribute: 'hookUrl' })).toBe('URL from hookUrl');
  });

  it('shortens long texts with an ellipsis', () => {
    const summary = elementSummary({ id: 'a', type: 'send-message', text: 'x'.repeat(200) });
    expect(summary).toHaveLength(maxSummaryLength);
    expect(summary.endsWith('…')).toBe(true);
  });
});
