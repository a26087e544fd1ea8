import { createServer, type Server } from 'node:http';
import { verifyHttpSignature } from '@parley/channels';

export type ReceivedReply = {
  messageId: string;
  to: string;
  text: string;
  buttons?: { label: string }[];
  sessionId: string;
  signatureValid: boolean;
  webhookId: string;
  /** Epoch ms when the request was complete. */
  receivedAt: number;
};

/**
 * A local stand-in for "the customer's system" behind an HTTP channel: records
 * every reply the platform POSTs, checks its Standard Webhooks signature, and
 * can be told to fail the next N requests with a status (to exercise retries).
 */
export class ReplyReceiver {
  readonly replies: ReceivedReply[] = [];
  private failures: number[] = [];
  private server: Server | null = null;
  url = '';

  constructor(private readonly secret: string) {}

  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const failure = this.failures.shift();
        if (failure !== undefined) {
          response.writeHead(failure).end();
          return;
        }
        const body = Buffer.concat(chunks).toString('utf8');
        const parsed: unknown = JSON.parse(body);
        const field = (name: string): string => {
          const value: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, name) : undefined;
          return typeof value === 'string' ? value : '';
        };
        const buttons: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'buttons') : undefined;
        this.replies.push({
          messageId: field('messageId'),
          to: field('to'),
          text: field('text'),
          sessionId: field('sessionId'),
          ...(Array.isArray(buttons) ? { buttons } : {}),
          signatureValid: verifyHttpSignature(body, request.headers, this.secret).ok,
          webhookId: String(request.headers['webhook-id'] ?? ''),
          receivedAt: Date.now(),
        });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    this.url = `http://127.0.0.1:${port}/replies`;
    return this.url;
  }

  repliesTo(contact: string): ReceivedReply[] {
    return this.replies.filter((reply) => reply.to === contact);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
