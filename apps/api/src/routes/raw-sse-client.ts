import { request, type IncomingMessage } from 'node:http';

/** One server-sent event as an EventSource would dispatch it. */
export type RawSseEvent = { id?: string; event: string; data: string };

/**
 * A bare event-stream client for tests and benchmarks that open hundreds of streams:
 * one node:http request per stream, no connection pooling, frames parsed as the SSE
 * spec says. `pause()` stops reading (a slow reader); `ended` turns true when the
 * server ends or drops the stream.
 */
export class RawSseClient {
  readonly events: RawSseEvent[] = [];
  ended = false;
  private buffer = '';

  private constructor(
    readonly response: IncomingMessage,
    private readonly destroy: () => void,
  ) {}

  /** Opens a stream; resolves with the response headers in (check `status`). */
  static open(url: string, headers: Record<string, string> = {}): Promise<RawSseClient> {
    return new Promise((resolve, reject) => {
      const outgoing = request(url, { agent: false, headers: { accept: 'text/event-stream', ...headers } }, (response) => {
        const client = new RawSseClient(response, () => outgoing.destroy());
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => client.receive(chunk));
        const done = (): void => {
          client.ended = true;
        };
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
        resolve(client);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  /** The bot replies (default event type). */
  get messages(): RawSseEvent[] {
    return this.events.filter((event) => event.event === 'message');
  }

  has(event: string): boolean {
    return this.events.some((entry) => entry.event === event);
  }

  pause(): void {
    this.response.pause();
  }

  close(): void {
    this.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event: RawSseEvent = { event: 'message', data: '' };
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith(':') || line === '') continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') event.id = value;
        else if (field === 'event') event.event = value;
        else if (field === 'data') data.push(value);
      }
      event.data = data.join('\n');
      if (data.length > 0 || event.event !== 'message') this.events.push(event);
      end = this.buffer.indexOf('\n\n');
    }
  }
}
