import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { parseWebchatDeliveredNotice, webchatEventsChannel } from '@parley/channels';

/** One open event stream of a visitor, as the hub sees it. */
export type WebchatStream = {
  /** A reply with this seq was delivered to the visitor (or, with no seq, something may have been missed). */
  notify: (seq?: bigint) => void;
  /** The server is shutting down: end the response. */
  end: () => void;
};

/**
 * This API process's side of web chat delivery: one Redis subscriber on the
 * prefix's web chat channel, fanning each `{ channelId, contact, seq }` notice
 * out to the streams of that visitor open on this process. Workers publish;
 * every API process hears every notice, so a visitor's stream may live on any
 * process. After Redis reconnects (notices may have been lost meanwhile)
 * every stream is told to catch up from Postgres.
 * The subscriber connects on the first stream, not at start-up.
 */
export class WebchatEventHub {
  private readonly streams = new Map<string, Set<WebchatStream>>();
  private subscriber: Redis | undefined;
  private subscribed: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: FastifyBaseLogger,
  ) {}

  /**
   * Adds a stream for (channelId, contact); resolves once notices are being
   * received, so a reply delivered after that is never missed. Returns the
   * function that removes it.
   */
  async add(channelId: string, contact: string, stream: WebchatStream): Promise<() => void> {
    const key = streamKey(channelId, contact);
    let set = this.streams.get(key);
    if (!set) {
      set = new Set();
      this.streams.set(key, set);
    }
    set.add(stream);
    const remove = (): void => {
      const current = this.streams.get(key);
      current?.delete(stream);
      if (current?.size === 0) this.streams.delete(key);
    };
    try {
      await this.subscribe();
    } catch (error) {
      remove();
      throw error;
    }
    return remove;
  }

  /** Open streams on this process (for logs and tests). */
  get size(): number {
    let total = 0;
    for (const set of this.streams.values()) total += set.size;
    return total;
  }

  /** Ends every stream and disconnects the subscriber. */
  async close(): Promise<void> {
    this.closed = true;
    for (const set of this.streams.values()) for (const stream of set) stream.end();
    this.streams.clear();
    await this.subscriber?.quit().catch(() => undefined);
  }

  private subscribe(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('web chat event hub is closed'));
    this.subscribed ??= this.start().catch((error: unknown) => {
      this.subscribed = undefined;
      const subscriber = this.subscriber;
      this.subscriber = undefined;
      subscriber?.disconnect();
      throw error;
    });
    return this.subscribed;
  }

  private async start(): Promise<void> {
    const channel = webchatEventsChannel(this.prefix);
    const subscriber = this.redis.duplicate({ maxRetriesPerRequest: 2 });
    this.subscriber = subscriber;
    subscriber.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'web chat subscriber error'));
    subscriber.on('message', (from: string, raw: string) => {
      if (from !== channel) return;
      const notice = parseWebchatDeliveredNotice(raw);
      if (!notice) return;
      for (const stream of this.streams.get(streamKey(notice.channelId, notice.contact)) ?? []) stream.notify(BigInt(notice.seq));
    });
    let connectedBefore = false;
    subscriber.on('ready', () => {
      // ioredis resubscribes by itself after a reconnect; notices sent in between are lost.
      if (connectedBefore) for (const set of this.streams.values()) for (const stream of set) stream.notify();
      connectedBefore = true;
    });
    await subscriber.subscribe(channel);
  }
}

function streamKey(channelId: string, contact: string): string {
  return `${channelId}\n${contact}`;
}
