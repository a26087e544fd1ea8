import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, inject, it } from 'vitest';
import { createDb } from '@parley/db';
import { createQueues } from '@parley/queue';
import { buildServer } from './build-server';

describe('API request logging', () => {
  it('tags every request log line with the request id and echoes it as x-request-id', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          const parsed: unknown = JSON.parse(line);
          if (typeof parsed === 'object' && parsed !== null) lines.push(Object.fromEntries(Object.entries(parsed)));
        }
        done();
      },
    });
    const db = createDb(inject('databaseUrl'));
    const queues = createQueues({ redisUrl: inject('redisUrl'), prefix: `${inject('redisPrefix')}_logging` });
    const app = buildServer({ db, queues, secretKey: '0'.repeat(64), logger: pino({ level: 'info' }, sink), maxBodyBytes: 1_024 });
    try {
      const response = await app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'req-42' } });
      expect(response.statusCode).toBe(404);
      expect(response.headers['x-request-id']).toBe('req-42');
      const messages = lines.filter((line) => line['requestId'] === 'req-42').map((line) => line['msg']);
      expect(messages).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    } finally {
      await app.close();
      await queues.close();
      await db.$disconnect();
    }
  });
});
