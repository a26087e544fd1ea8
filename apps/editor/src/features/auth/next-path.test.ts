import { describe, expect, it } from 'vitest';
import { safeNextPath, signInHref, signUpHref } from './next-path';

describe('safeNextPath', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeNextPath('/settings/members')).toBe('/settings/members');
    expect(safeNextPath('/invite/abc?x=1')).toBe('/invite/abc?x=1');
  });

  it('refuses what would leave the site', () => {
    for (const value of ['https://evil.test/', '//evil.test', '/\\evil.test', 'javascript:alert(1)', 'settings', '/a\nb', '']) {
      expect(safeNextPath(value)).toBe('/');
    }
    expect(safeNextPath(null, '/bots')).toBe('/bots');
  });
});

describe('signInHref and signUpHref', () => {
  it('carry where to come back to, and the email when known', () => {
    expect(signInHref('/settings/audit')).toBe('/sign-in?next=%2Fsettings%2Faudit');
    expect(signInHref('/')).toBe('/sign-in');
    expect(signInHref('https://evil.test')).toBe('/sign-in');
    expect(signUpHref('/invite/tok', 'ann@example.test')).toBe('/sign-up?next=%2Finvite%2Ftok&email=ann%40example.test');
  });
});
