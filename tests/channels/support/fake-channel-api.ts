import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** One request the platform sent to a fake channel API, as received. */
export type RecordedRequest = {
  method: string;
  /** Path and query, e.g. `/v21.0/106540352242922/messages`. */
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  body: unknown;
  /** What the fake answered. */
  answer?: FakeAnswer;
};

export type FakeAnswer = { status: number; body: unknown };

/**
 * A local stand-in for a channel's HTTP API on 127.0.0.1: records every request
 * and answers with what `respond` returns (the real API's wire format), unless a
 * failure was queued with `failNext`.
 */
export class FakeChannelApi {
  readonly requests: RecordedRequest[] = [];
  private failures: FakeAnswer[] = [];
  private server: Server | null = null;
  url = '';

  constructor(private readonly respond: (request: RecordedRequest, index: number) => FakeAnswer) {}

  /** The next requests get these answers instead (to exercise retries and refusals). */
  failNext(...answers: FakeAnswer[]): void {
    this.failures.push(...answers);
  }

  async start(): Promise<string> {
    this.server = createServer((incoming, response) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const request: RecordedRequest = {
          method: incoming.method ?? '',
          path: incoming.url ?? '',
          headers: incoming.headers,
          rawBody,
          body: parseJson(rawBody),
        };
        this.requests.push(request);
        const answer = this.failures.shift() ?? this.respond(request, this.requests.length - 1);
        request.answer = answer;
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  /** Requests whose JSON body matches `predicate`. */
  requestsWhere(predicate: (body: unknown) => boolean): RecordedRequest[] {
    return this.requests.filter((request) => predicate(request.body));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads `key` of a JSON object body, or undefined. */
export function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? Reflect.get(body, key) : undefined;
}
