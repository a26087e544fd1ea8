import { describe, expect, it } from 'vitest';
import { readApiConfig } from './read-api-config';

describe('readApiConfig', () => {
  it('defaults to the local API', () => {
    expect(readApiConfig({})).toEqual({ ok: true, config: { apiUrl: 'http://127.0.0.1:3001', trpcUrl: 'http://127.0.0.1:3001/trpc' } });
  });

  it('treats an empty variable as unset', () => {
    expect(readApiConfig({ PARLEY_API_URL: '' })).toMatchObject({ ok: true, config: { apiUrl: 'http://127.0.0.1:3001' } });
  });

  it('takes the URL from the environment, dropping trailing slashes', () => {
    expect(readApiConfig({ PARLEY_API_URL: 'https://api.example.test/base/' })).toEqual({
      ok: true,
      config: { apiUrl: 'https://api.example.test/base', trpcUrl: 'https://api.example.test/base/trpc' },
    });
  });

  it('reports an unusable URL by variable name instead of throwing', () => {
    for (const value of ['not a url', 'ftp://files.example.test']) {
      const result = readApiConfig({ PARLEY_API_URL: value });
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.message).toMatch(/^Invalid editor configuration: PARLEY_API_URL: /);
    }
  });
});
