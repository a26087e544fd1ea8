import { describe, expect, it } from 'vitest';
import { bearerToken } from './bearer-token';

describe('bearerToken', () => {
  it('reads the token of a Bearer header, whatever the scheme case', () => {
    expect(bearerToken({ authorization: 'Bearer pk_abc' })).toBe('pk_abc');
    expect(bearerToken({ authorization: 'bearer  pk_abc ' })).toBe('pk_abc');
  });

  it('is null without an Authorization header and empty for any other kind', () => {
    expect(bearerToken({})).toBeNull();
    expect(bearerToken({ authorization: 'Basic dXNlcjpwdw==' })).toBe('');
    expect(bearerToken({ authorization: 'Bearer' })).toBe('');
    expect(bearerToken({ authorization: 'Bearer a b' })).toBe('');
  });
});
