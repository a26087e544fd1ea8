import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { signHttpPayload } from '@parley/channels';

export type SignedRequest = { body: string; headers: Record<string, string> };

/**
 * Sends HTTP-channel messages to the API processes as a real sender would:
 * a JSON body signed with the channel's Standard Webhooks secret, on keep-alive
 * connections (round robin over the APIs). Sign ahead with `prepare` so the
 * timed part of a run pays only for the request.
 */
export class SignedSender {
  private readonly pools: Pool[];
  private next = 0;

  constructor(
    apiUrls: readonly string[],
    private readonly channelId: string,
    private readonly secret: string,
    connectionsPerApi = 128,
  ) {
    this.pools = apiUrls.map((url) => new Pool(url, { connections: connectionsPerApi, keepAliveTimeout: 60_000 }));
  }

  prepare(from: string, text: string): SignedRequest {
    const body = JSON.stringify({ messageId: randomUUID(), from, text });
    return { body, headers: { 'content-type': 'application/json', ...signHttpPayload(body, this.secret, randomUUID(), new Date()) } };
  }

  /** POSTs a prepared message; resolves with the HTTP status (2xx), throws with the API's answer otherwise. */
  async send(request: SignedRequest): Promise<number> {
    const pool = this.pools[this.next % this.pools.length];
    this.next += 1;
    if (!pool) throw new Error('SignedSender has no API to send to');
    const response = await pool.request({ method: 'POST', path: `/webhooks/http/${this.channelId}`, headers: request.headers, body: request.body });
    if (response.statusCode >= 300) throw new Error(`API answered ${response.statusCode}: ${await response.body.text()} (signed at ${request.headers["webhook-timestamp"]}, now ${Math.floor(Date.now() / 1000)})`);
    await response.body.dump();
    return response.statusCode;
  }

  async close(): Promise<void> {
    await Promise.all(this.pools.map((pool) => pool.close()));
  }
}
