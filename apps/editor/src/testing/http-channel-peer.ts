import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';

/** One reply of the bot as the customer's system receives it. */
export type ChannelReply = {
  to: string;
  text: string;
  /** The quick replies' labels, in order ([] when none). */
  buttons: string[];
  sessionId: string;
  /** Whether its Standard Webhooks signature matched the channel's secret. */
  signatureValid: boolean;
};

const replyBodySchema = z.object({
  to: z.string(),
  text: z.string(),
  buttons: z.array(z.object({ label: z.string() })).optional(),
  sessionId: z.string(),
});

function signatureValid(body: string, headers: IncomingHttpHeaders, secret: string): boolean {
  const header = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' ? value : '';
  };
  try {
    new Webhook(secret).verify(body, { 'webhook-id': header('webhook-id'), 'webhook-timestamp': header('webhook-timestamp'), 'webhook-signature': header('webhook-signature') });
    return true;
  } catch {
    return false;
  }
}

/**
 * The customer's side of a Parley HTTP channel, for browser tests (which may not load
 * @parley/channels): a server on 127.0.0.1 that records the bot's replies and checks
 * their signatures, and a sender of signed inbound messages (`{ messageId, from, text }`,
 * Standard Webhooks headers) to the channel's webhook. The channel's secret is known only
 * once the channel exists (`channels.create` returns it), after the server's URL was
 * given: set `secret` then.
 */
export class HttpChannelPeer {
  readonly replies: ChannelReply[] = [];
  secret = '';
  url = '';
  private server: Server | null = null;
  private readonly listeners = new Set<() => void>();

  /** Starts the reply receiver; its URL (the channel's outboundUrl). */
  async start(): Promise<string> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const parsed = replyBodySchema.safeParse(JSON.parse(body));
        if (!parsed.success) {
          response.writeHead(400).end();
          return;
        }
        const { to, text, buttons, sessionId } = parsed.data;
        this.replies.push({ to, text, buttons: (buttons ?? []).map((button) => button.label), sessionId, signatureValid: signatureValid(body, request.headers, this.secret) });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        for (const listener of this.listeners) listener();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/replies`;
    return this.url;
  }

  /** POSTs a signed message from `from` to the channel's webhook URL; the response's status (202 when accepted). */
  async send(webhookUrl: string, from: string, text: string): Promise<number> {
    const body = JSON.stringify({ messageId: randomUUID(), from, text });
    const id = `msg_${randomUUID()}`;
    const now = new Date();
    const headers = {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(this.secret).sign(id, now, body),
    };
    const response = await fetch(webhookUrl, { method: 'POST', headers, body });
    return response.status;
  }

  /** The replies to `contact` so far. */
  repliesTo(contact: string): ChannelReply[] {
    return this.replies.filter((reply) => reply.to === contact);
  }

  /** Resolves with the replies to `contact` once there are at least `count`; rejects after `timeoutMs` saying what came. */
  waitForReplies(contact: string, count: number, timeoutMs = 30_000): Promise<ChannelReply[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const replies = this.repliesTo(contact);
        if (replies.length < count) return false;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(replies);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`${count} replies to ${contact} expected within ${timeoutMs} ms; got ${JSON.stringify(this.repliesTo(contact).map((reply) => reply.text))}`));
      }, timeoutMs);
      this.listeners.add(listener);
      check();
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}
