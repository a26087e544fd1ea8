import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sendTooManyRequests } from './send-too-many-requests';

describe('sendTooManyRequests', () => {
  it('answers 429 with Retry-After in whole seconds (readable cross-origin) and a message naming the kind', async () => {
    const app = Fastify();
    app.get('/', async (_request, reply) => sendTooManyRequests(reply, 'session', 12.2));
    try {
      const response = await app.inject({ method: 'GET', url: '/' });
      expect(response.statusCode).toBe(429);
      expect(response.headers['retry-after']).toBe('13');
      expect(response.headers['access-control-expose-headers']).toBe('retry-after');
      expect(response.json()).toEqual({ error: 'too_many_requests', message: 'Too many new chat sessions from your address; retry in 13 s' });
    } finally {
      await app.close();
    }
  });
});
