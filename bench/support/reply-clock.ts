import { createServer, type Server } from 'node:http';

/**
 * The "customer's system" of a benchmark: an HTTP channel receiver that only
 * notes when each reply arrived (no signature check, no storage), so that it
 * costs the machine as little as possible. `expect(to, text)` resolves with the
 * arrival time (performance.now()) of the reply with that text to that contact,
 * also when it arrived first.
 */
export class ReplyClock {
  /** Replies received so far. */
  count = 0;
  private readonly arrived = new Map<string, number>();
  private readonly waiting = new Map<string, (at: number) => void>();
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const at = performance.now();
        this.count += 1;
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const to = typeof body === 'object' && body !== null ? Reflect.get(body, 'to') : undefined;
        const text = typeof body === 'object' && body !== null ? Reflect.get(body, 'text') : undefined;
        const key = `${String(to)}\n${String(text)}`;
        const waiter = this.waiting.get(key);
        if (waiter) {
          this.waiting.delete(key);
          waiter(at);
        } else this.arrived.set(key, at);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((done) => this.server?.listen(0, '127.0.0.1', done));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('reply clock is not listening on TCP');
    return `http://127.0.0.1:${address.port}/replies`;
  }

  /** Resolves with when the reply `text` to `to` arrived (now or later). */
  expect(to: string, text: string): Promise<number> {
    const key = `${to}\n${text}`;
    const at = this.arrived.get(key);
    if (at !== undefined) {
      this.arrived.delete(key);
      return Promise.resolve(at);
    }
    return new Promise((done) => this.waiting.set(key, done));
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}
