import { describe, expect, it } from 'vitest';
import { readApiConfig } from './read-api-config';

describe('readApiConfig', () => {
  it('defaults to the local API and the demo workspace', () => {
    expect(readApiConfig({})).toEqual({
      ok: true,
      config: { apiUrl: 'http://127.0.0.1:3001', trpcUrl: 'http://127.0.0.1:3001/trpc', workspace: 'demo' },
    });
  });

  it('treats empty variables as unset', () => {
    expect(readApiConfig({ PARLEY_API_URL: '', PARLEY_WORKSPACE: '' })).toMatchObject({ ok: true, config: { workspace: 'demo' } });
  });

  it('takes both from the environment, dropping trailing slashes', () => {
    expect(readApiConfig({ PARLEY_API_URL: 'https://api.example.test/base/', PARLEY_WORKSPACE: 'acme' })).toEqual({
      ok: true,
      config: { apiUrl: 'https://api.example.test/base', trpcUrl: 'https://api.example.test/base/trpc', workspace: 'acme' },
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
