import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { databaseUrl, DEFAULT_DATABASE_URL } from './database-url';
import { loadConfig } from './load-config';
import { logLevel } from './log-level';
import { port } from './port';
import { redisPrefix } from './redis-prefix';
import { DEFAULT_REDIS_URL, redisUrl } from './redis-url';
import { DEV_SECRET_KEY, secretKey } from './secret-key';

const schema = z.object({
  DATABASE_URL: databaseUrl(),
  REDIS_URL: redisUrl(),
  REDIS_PREFIX: redisPrefix(),
  PARLEY_SECRET_KEY: secretKey(),
  API_PORT: port(3001),
  LOG_LEVEL: logLevel(),
});

const KEY = 'ab'.repeat(32);

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies every default in development', () => {
    expect(loadConfig(schema, { NODE_ENV: 'development' })).toEqual({
      DATABASE_URL: DEFAULT_DATABASE_URL,
      REDIS_URL: DEFAULT_REDIS_URL,
      REDIS_PREFIX: 'parley',
      PARLEY_SECRET_KEY: DEV_SECRET_KEY,
      API_PORT: 3001,
      LOG_LEVEL: 'info',
    });
    expect(DEFAULT_DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/parley');
    expect(DEFAULT_REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('parses given values and drops variables the schema does not name', () => {
    const config = loadConfig(schema, {
      DATABASE_URL: 'postgres://app@db.internal:5432/parley',
      REDIS_URL: 'rediss://cache.internal:6380/2',
      REDIS_PREFIX: 'parley:staging',
      PARLEY_SECRET_KEY: KEY,
      API_PORT: '0',
      LOG_LEVEL: 'debug',
      HOME: '/root',
    });
    expect(config).toEqual({
      DATABASE_URL: 'postgres://app@db.internal:5432/parley',
      REDIS_URL: 'rediss://cache.internal:6380/2',
      REDIS_PREFIX: 'parley:staging',
      PARLEY_SECRET_KEY: KEY,
      API_PORT: 0,
      LOG_LEVEL: 'debug',
    });
    expect(config).not.toHaveProperty('HOME');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig(schema, { NODE_ENV: 'development', LOG_LEVEL: '', API_PORT: '' })).toMatchObject({ LOG_LEVEL: 'info', API_PORT: 3001 });
  });

  it('names every bad variable with its rule, one per line', () => {
    const error = configErrorOf(() =>
      loadConfig(schema, {
        DATABASE_URL: 'mysql://root@localhost/parley',
        REDIS_URL: 'http://127.0.0.1:6379',
        REDIS_PREFIX: 'has spaces',
        PARLEY_SECRET_KEY: 'short',
        API_PORT: '70000',
        LOG_LEVEL: 'loud',
      }),
    );
    expect(error.message).toBe(
      [
        'Invalid configuration (6 problems):',
        '  DATABASE_URL: must be a postgresql:// URL',
        '  REDIS_URL: must be a redis:// or rediss:// URL',
        "  REDIS_PREFIX: must be 1–64 letters, digits, '_', '-' or ':'",
        '  PARLEY_SECRET_KEY: must be 64 hex characters (32 bytes)',
        '  API_PORT: must be an integer from 0 to 65535',
        '  LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
      ].join('\n'),
    );
    expect(error.issues.map((issue) => issue.variable)).toEqual([
      'DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'PARLEY_SECRET_KEY', 'API_PORT', 'LOG_LEVEL',
    ]);
  });

  it('never echoes the bad values (they may be secrets)', () => {
    const error = configErrorOf(() => loadConfig(schema, { PARLEY_SECRET_KEY: 'hunter2-not-hex', REDIS_URL: 'pw@nope' }));
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('pw@nope');
  });

  it('rejects ports that are not plain integers', () => {
    for (const bad of ['-1', '80.5', 'http', '1e3', ' 80']) {
      expect(configErrorOf(() => loadConfig(schema, { API_PORT: bad })).message).toContain(
        'API_PORT: must be an integer from 0 to 65535',
      );
    }
  });

  it('says "required, not set" for a variable without a default', () => {
    const error = configErrorOf(() => loadConfig(z.object({ CHANNEL_TOKEN: z.string().min(1) }), {}));
    expect(error.message).toBe('Invalid configuration (1 problem):\n  CHANNEL_TOKEN: required, not set');
  });

  it('requires the secret key outside development (NODE_ENV production, unset or anything else) instead of using the dev key', () => {
    for (const env of [{ NODE_ENV: 'production' }, {}, { NODE_ENV: 'staging' }]) {
      const error = configErrorOf(() => loadConfig(schema, env));
      expect(error.issues).toEqual([
        {
          variable: 'PARLEY_SECRET_KEY',
          rule: 'required outside development (NODE_ENV=development or test gives a public development value): 64 hex characters, e.g. from `openssl rand -hex 32`',
        },
      ]);
    }
    expect(loadConfig(schema, { NODE_ENV: 'production', PARLEY_SECRET_KEY: KEY }).PARLEY_SECRET_KEY).toBe(KEY);
    expect(loadConfig(schema, { NODE_ENV: 'test' }).PARLEY_SECRET_KEY).toBe(DEV_SECRET_KEY);
  });

  it('refuses the public development key outside development, without echoing it', () => {
    const error = configErrorOf(() => loadConfig(schema, { PARLEY_SECRET_KEY: DEV_SECRET_KEY }));
    expect(error.issues).toEqual([{ variable: 'PARLEY_SECRET_KEY', rule: expect.stringContaining('must not be the public development value outside development') }]);
    expect(error.message).not.toContain(DEV_SECRET_KEY);
    expect(loadConfig(schema, { NODE_ENV: 'development', PARLEY_SECRET_KEY: DEV_SECRET_KEY }).PARLEY_SECRET_KEY).toBe(DEV_SECRET_KEY);
  });

  it('reads process.env when no env is given', () => {
    const config = loadConfig(z.object({ PATH: z.string() }));
    expect(config.PATH).toBe(process.env.PATH);
  });
});
