import { describe, expect, it } from 'vitest';
import { notConfiguredMessage, readCodeAssistantConfig } from './code-assistant-config';

const complete = { OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1/', OPENAI_API_KEY: 'sk-test', OPENAI_MODEL: 'gpt-test' };

describe('readCodeAssistantConfig', () => {
  it('reads the endpoint from the environment (trailing slashes dropped, default timeout)', () => {
    expect(readCodeAssistantConfig(complete)).toEqual({
      ok: true,
      config: { baseUrl: 'http://127.0.0.1:8080/v1', apiKey: 'sk-test', model: 'gpt-test', timeoutMs: 60_000 },
    });
    expect(readCodeAssistantConfig({ ...complete, OPENAI_TIMEOUT_MS: '5000' })).toMatchObject({ ok: true, config: { timeoutMs: 5_000 } });
  });

  it('is not configured when any of the three variables is missing or blank', () => {
    for (const name of ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_MODEL']) {
      expect(readCodeAssistantConfig({ ...complete, [name]: undefined })).toEqual({ ok: false, message: notConfiguredMessage });
      expect(readCodeAssistantConfig({ ...complete, [name]: '  ' })).toEqual({ ok: false, message: notConfiguredMessage });
    }
    expect(notConfiguredMessage).toBe('Code assistant is not configured: set OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_MODEL');
  });

  it('names a malformed variable', () => {
    expect(readCodeAssistantConfig({ ...complete, OPENAI_BASE_URL: 'not a url' })).toEqual({ ok: false, message: 'Code assistant is misconfigured: check OPENAI_BASE_URL' });
    expect(readCodeAssistantConfig({ ...complete, OPENAI_TIMEOUT_MS: '5' })).toEqual({ ok: false, message: 'Code assistant is misconfigured: check OPENAI_TIMEOUT_MS' });
  });
});
