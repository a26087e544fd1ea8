import { describe, expect, it } from 'vitest';
import { trustedOriginsSchema } from './trusted-origins-schema';
import { webOriginSchema } from './web-origin-schema';

describe('webOriginSchema', () => {
  it('normalizes an origin as browsers send it', () => {
    expect(webOriginSchema.parse('https://Parley.Example.com:443/')).toBe('https://parley.example.com');
    expect(webOriginSchema.parse('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
  });

  it('refuses anything that is not a bare http(s) origin', () => {
    for (const bad of ['parley.example.com', 'ftp://x.example', 'https://x.example/app', 'https://x.example/?a=1', 'https://u:p@x.example', '']) {
      expect(webOriginSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('trustedOriginsSchema', () => {
  it('reads a comma-separated list, empty by default', () => {
    expect(trustedOriginsSchema.parse(undefined)).toEqual([]);
    expect(trustedOriginsSchema.parse(' https://a.example , http://localhost:3000,')).toEqual(['https://a.example', 'http://localhost:3000']);
  });

  it('names a bad entry', () => {
    const result = trustedOriginsSchema.safeParse('https://a.example,https://b.example/path');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([1]);
  });
});
