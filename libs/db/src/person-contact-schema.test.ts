import { describe, expect, it } from 'vitest';
import { normalizePersonContact, normalizePersonContactValue } from './person-contact-schema';

describe('normalizePersonContactValue', () => {
  it('keeps only the digits of a phone number (5–15, country code included)', () => {
    expect(normalizePersonContactValue('phone', ' +385 (91) 123-45.67 ')).toBe('385911234567');
    expect(normalizePersonContactValue('phone', '385911234567')).toBe('385911234567');
    expect(normalizePersonContactValue('phone', '12345')).toBe('12345');
    expect(normalizePersonContactValue('phone', '1234')).toBeNull();
    expect(normalizePersonContactValue('phone', '1'.repeat(16))).toBeNull();
    expect(normalizePersonContactValue('phone', '+38591abc')).toBeNull();
    expect(normalizePersonContactValue('phone', '++385911234567')).toBeNull();
  });

  it('trims and lower-cases emails and checks their shape', () => {
    expect(normalizePersonContactValue('email', ' Ana@Example.COM ')).toBe('ana@example.com');
    expect(normalizePersonContactValue('email', 'ana@example')).toBeNull();
    expect(normalizePersonContactValue('email', 'a b@example.com')).toBeNull();
    expect(normalizePersonContactValue('email', `${'a'.repeat(250)}@x.io`)).toBeNull();
  });

  it('trims external ids and limits them to 255 characters', () => {
    expect(normalizePersonContactValue('external-id', '  tg:42 ')).toBe('tg:42');
    expect(normalizePersonContactValue('external-id', '   ')).toBeNull();
    expect(normalizePersonContactValue('external-id', 'x'.repeat(255))).toBe('x'.repeat(255));
    expect(normalizePersonContactValue('external-id', 'x'.repeat(256))).toBeNull();
  });

  it('is idempotent', () => {
    for (const [type, value] of [['phone', '+1 555 0100'], ['email', 'A@B.CO'], ['external-id', ' id ']] as const) {
      const once = normalizePersonContact({ type, value });
      expect(once).not.toBeNull();
      if (once !== null) expect(normalizePersonContact(once)).toEqual(once);
    }
  });
});
