import { connect } from 'node:net';
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

      // A secret in the query string (WhatsApp's verify token) never reaches the log.
      await app.inject({ method: 'GET', url: '/webhooks/whatsapp/nope?hub.mode=subscribe&hub.verify_token=s3cr3t-verify&hub.challenge=1' });
      const logged = JSON.stringify(lines);
      expect(logged).toContain('hub.verify_token=[redacted]');
      expect(logged).not.toContain('s3cr3t-verify');
    } finally {
      await app.close();
      await queues.close();
      await db.$disconnect();
    }
  });
});

describe('API edge timeouts', () => {
  it('closes a request whose body trickles in slower than the request timeout, with 408', async () => {
    const db = createDb(inject('databaseUrl'));
    const queues = createQueues({ redisUrl: inject('redisUrl'), prefix: `${inject('redisPrefix')}_timeouts` });
    const app = buildServer({ db, queues, secretKey: '0'.repeat(64), logger: pino({ level: 'silent' }), maxBodyBytes: 262_144, requestTimeoutMs: 1_000 });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.write('POST /webhooks/http/any HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
      await new Promise((resolve) => socket.once('close', resolve));
      const elapsed = Date.now() - started;
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      await app.close();
      await queues.close();
      await db.$disconnect();
    }
  });
});
