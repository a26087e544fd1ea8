import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { exitOnConfigError } from './exit-on-config-error';
import { loadConfig } from './load-config';
import { redisUrl } from './redis-url';

class ExitCalled extends Error {
  constructor(readonly code: string | number | null | undefined) {
    super(`process.exit(${String(code)})`);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('exitOnConfigError', () => {
  it('returns the config when it is valid', () => {
    expect(exitOnConfigError(() => loadConfig(z.object({ REDIS_URL: redisUrl() }), {}))).toEqual({
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
  });

  it('prints the message without a stack trace and exits 1', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new ExitCalled(code);
    });

    expect(() => exitOnConfigError(() => loadConfig(z.object({ REDIS_URL: redisUrl() }), { REDIS_URL: 'nope' }))).toThrow(
      new ExitCalled(1),
    );
    expect(written.join('')).toBe('Invalid configuration (1 problem):\n  REDIS_URL: must be a redis:// or rediss:// URL\n');
    expect(written.join('')).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('rethrows anything that is not a ConfigError', () => {
    const bug = new TypeError('bug');
    expect(() =>
      exitOnConfigError(() => {
        throw bug;
      }),
    ).toThrow(bug);
  });
});
