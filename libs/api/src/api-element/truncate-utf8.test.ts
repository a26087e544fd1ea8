import { describe, expect, it } from 'vitest';
import { truncateUtf8 } from './truncate-utf8';

describe('truncateUtf8', () => {
  it('keeps text that fits, reporting its size in bytes', () => {
    expect(truncateUtf8('héllo', 6)).toEqual({ text: 'héllo', truncated: false, bytes: 6 });
  });

  it('cuts at the byte limit', () => {
    expect(truncateUtf8('abcdef', 4)).toEqual({ text: 'abcd', truncated: true, bytes: 6 });
  });

  it('never cuts inside a character', () => {
    // 'é' is 2 bytes, '😀' is 4: a cut at 3 or 4 bytes falls inside them.
    expect(truncateUtf8('aé😀', 2)).toEqual({ text: 'a', truncated: true, bytes: 7 });
    expect(truncateUtf8('aé😀', 5)).toEqual({ text: 'aé', truncated: true, bytes: 7 });
    expect(truncateUtf8('aé😀', 6)).toEqual({ text: 'aé', truncated: true, bytes: 7 });
  });
});
