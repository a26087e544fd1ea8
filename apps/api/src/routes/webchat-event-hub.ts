import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { parseWebchatDeliveredNotice, webchatChannelConfigSchema, webchatEventsChannel } from '@parley/channels';
import type { ChannelCache, Db } from '@parley/db';
import { WebchatContactFeed, type FeedStream, type WebchatStreamEndReason } from './webchat-contact-feed';
import type { WebchatStreamLimits } from './webchat-stream-limits';
import { visitorTokensNotBefore } from './webchat-request';
import { parseVisitorRevokedNotice, webchatRevocationsChannel } from './webchat-visitor-revocations';

/** What a route hands the hub for one stream: how to write to and end its response. */
export type WebchatStreamSink = {
  send: (text: string) => void;
  end: (reason: WebchatStreamEndReason) => void;
  /** Bytes written to the client and not yet taken by it. */
  buffered: () => number;
};

/** An open stream: goes live after its own replay, and is closed by its route when the client leaves. */
export type WebchatStreamHandle = {
  /** The replay is done up to `cursor`: from now on the contact's feed sends to this stream. */
  goLive: (cursor: bigint) => void;
  /** The stream is over (client left or server ended it): it leaves every count. Idempotent. */
  close: () => void;
  readonly closed: boolean;
};

export type WebchatStreamOpen = {
  channelId: string;
  contact: string;
  /** The client's address (request.ip), for the per-address cap. */
  address: string;
  /** When the credential that opened the stream was issued (epoch ms): a channel's token cut-off ends older ones. */
  credentialIssuedAt: number;
  sink: WebchatStreamSink;
};

type Entry = FeedStream & {
  address: string;
  credentialIssuedAt: number;
  feed: WebchatContactFeed;
  openedAt: number;
  buffered: () => number;
  /** Over maxBufferedBytes at the last check: a second check in a row drops the reader. */
  behind: boolean;
};

/**
 * This API process's side of web chat delivery. One Redis subscriber on the prefix's
 * web chat channels hears every delivered-reply notice (workers publish; a visitor's
 * stream may live on any process) and every visitor revocation. Per visitor one
 * WebchatContactFeed fetches new replies once for all that visitor's streams.
 * The hub enforces the stream limits (webchatStreamLimitsSchema): caps per visitor
 * (oldest replaced), per address and per process (refused), and every
 * `channelCheckMs` ends the streams of channels that were disabled or deleted, or of
 * credentials older than the channel's token cut-off. After Redis reconnects
 * (notices may have been lost meanwhile) every feed catches up from Postgres.
 * The subscriber connects on the first stream, not at start-up.
 */
export class WebchatEventHub {
  private readonly feeds = new Map<string, WebchatContactFeed>();
  private readonly entries = new Set<Entry>();
  private readonly perAddress = new Map<string, number>();
  private subscriber: Redis | undefined;
  private subscribed: Promise<void> | undefined;
  private timers: NodeJS.Timeout[] = [];
  private closed = false;

  constructor(
    private readonly deps: { redis: Redis; prefix: string; logger: FastifyBaseLogger; db: Db; channels: ChannelCache; limits: WebchatStreamLimits },
  ) {}

  get limits(): WebchatStreamLimits {
    return this.deps.limits;
  }

  /**
   * Registers a stream, not live yet. Refused past the per-process or per-address cap;
   * past the per-visitor cap the visitor's oldest stream is ended (`replaced`).
   */
  open(request: WebchatStreamOpen): { ok: true; stream: WebchatStreamHandle } | { ok: false; reason: 'process-cap' | 'address-cap' | 'closed' } {
    const { limits } = this.deps;
    if (this.closed) return { ok: false, reason: 'closed' };
    if (this.entries.size >= limits.perProcess) return { ok: false, reason: 'process-cap' };
    if ((this.perAddress.get(request.address) ?? 0) >= limits.perAddress) return { ok: false, reason: 'address-cap' };
    const key = feedKey(request.channelId, request.contact);
    let feed = this.feeds.get(key);
    if (!feed) {
      feed = new WebchatContactFeed(this.deps.db, request.channelId, request.contact, (error) =>
        this.deps.logger.warn({ channelId: request.channelId, contact: request.contact, err: error instanceof Error ? error.message : String(error) }, 'web chat replies could not be read; ending the streams'),
      );
      this.feeds.set(key, feed);
    }
    const noticesAtOpen = feed.notices;
    let closed = false;
    const entry: Entry = {
      cursor: 0n,
      live: false,
      address: request.address,
      credentialIssuedAt: request.credentialIssuedAt,
      feed,
      openedAt: Date.now(),
      buffered: request.sink.buffered,
      behind: false,
      send: request.sink.send,
      end: (reason) => {
        if (closed) return;
        close();
        request.sink.end(reason);
      },
    };
    const close = (): void => {
      if (closed) return;
      closed = true;
      entry.live = false;
      this.entries.delete(entry);
      entry.feed.streams.delete(entry);
      if (entry.feed.streams.size === 0 && this.feeds.get(key) === entry.feed) this.feeds.delete(key);
      const count = (this.perAddress.get(entry.address) ?? 1) - 1;
      if (count <= 0) this.perAddress.delete(entry.address);
      else this.perAddress.set(entry.address, count);
    };
    this.entries.add(entry);
    feed.streams.add(entry);
    this.perAddress.set(request.address, (this.perAddress.get(request.address) ?? 0) + 1);
    while (feed.streams.size > limits.perVisitor) {
      const oldest = feed.streams.values().next().value;
      if (!oldest || oldest === entry) break;
      oldest.end('replaced');
    }
    this.startTimers();
    return {
      ok: true,
      stream: {
        goLive: (cursor) => {
          if (closed) return;
          entry.cursor = cursor;
          entry.live = true;
          // A notice heard during the replay may be past what the replay read.
          if (entry.feed.notices !== noticesAtOpen) void entry.feed.pump();
        },
        close,
        get closed() {
          return closed;
        },
      },
    };
  }

  /** Resolves once notices are being received, so a reply delivered after that is never missed. */
  listen(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('web chat event hub is closed'));
    this.subscribed ??= this.subscribe().catch((error: unknown) => {
      this.subscribed = undefined;
      const subscriber = this.subscriber;
      this.subscriber = undefined;
      subscriber?.disconnect();
      throw error;
    });
    return this.subscribed;
  }

  /** Open streams on this process, the visitors they belong to and the addresses they come from (logs, tests, benchmarks). */
  stats(): { streams: number; visitors: number; addresses: number } {
    return { streams: this.entries.size, visitors: this.feeds.size, addresses: this.perAddress.size };
  }

  /** Ends every stream and disconnects the subscriber. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    for (const entry of [...this.entries]) entry.end('shutdown');
    await this.subscriber?.quit().catch(() => undefined);
  }

  private async subscribe(): Promise<void> {
    const delivered = webchatEventsChannel(this.deps.prefix);
    const revoked = webchatRevocationsChannel(this.deps.prefix);
    const subscriber = this.deps.redis.duplicate({ maxRetriesPerRequest: 2 });
    this.subscriber = subscriber;
    subscriber.on('error', (error: Error) => this.deps.logger.warn({ err: error.message }, 'web chat subscriber error'));
    subscriber.on('message', (from: string, raw: string) => {
      if (from === delivered) {
        const notice = parseWebchatDeliveredNotice(raw);
        if (notice) this.feeds.get(feedKey(notice.channelId, notice.contact))?.notify(BigInt(notice.seq));
      } else if (from === revoked) {
        const notice = parseVisitorRevokedNotice(raw);
        const feed = notice ? this.feeds.get(feedKey(notice.channelId, notice.contact)) : undefined;
        if (notice && feed) for (const stream of [...feed.streams]) if (isEntry(stream) && stream.credentialIssuedAt <= notice.issuedUpTo) stream.end('revoked');
      }
    });
    let connectedBefore = false;
    subscriber.on('ready', () => {
      // ioredis resubscribes by itself after a reconnect; notices sent in between are lost.
      if (connectedBefore) for (const feed of this.feeds.values()) feed.notify();
      connectedBefore = true;
    });
    await subscriber.subscribe(delivered, revoked);
  }

  /** Heartbeats, lifetimes and channel checks: a few timers for the whole process, started with the first stream. */
  private startTimers(): void {
    if (this.timers.length > 0 || this.closed) return;
    const { limits } = this.deps;
    this.timers = [
      setInterval(() => {
        for (const entry of this.entries) if (entry.live) entry.send(': ping\n\n');
      }, limits.heartbeatMs),
      setInterval(() => {
        this.endExpired(Date.now());
        this.dropSlowReaders();
      }, Math.min(1_000, limits.lifetimeMs / 10)),
      setInterval(() => void this.checkChannels(), limits.channelCheckMs),
    ];
    for (const timer of this.timers) timer.unref();
  }

  /** Streams past their lifetime (each with its own jitter of up to 10 %, so reconnects spread out). */
  private endExpired(now: number): void {
    const { lifetimeMs } = this.deps.limits;
    for (const entry of [...this.entries]) {
      const jitter = (hashCode(entry.feed.contact) % 1_000) / 10_000; // 0 … 0.1, stable per visitor
      if (entry.live && now - entry.openedAt >= lifetimeMs * (1 + jitter)) entry.end('lifetime');
    }
  }

  /**
   * Readers with more than maxBufferedBytes not taken on two checks in a row (about a
   * second apart) are dropped: a client that stopped reading would otherwise make this
   * process hold every reply for it. Between checks a stream holds at most what its
   * visitor's bot said meanwhile.
   */
  private dropSlowReaders(): void {
    const { maxBufferedBytes } = this.deps.limits;
    for (const entry of [...this.entries]) {
      const over = entry.buffered() > maxBufferedBytes;
      if (over && entry.behind) entry.end('slow-reader');
      else entry.behind = over;
    }
  }

  /** Ends the streams of channels that are gone, disabled, or whose token cut-off is past the stream's credential. */
  private async checkChannels(): Promise<void> {
    const byChannel = new Map<string, Entry[]>();
    for (const entry of this.entries) {
      const list = byChannel.get(entry.feed.channelId) ?? [];
      list.push(entry);
      byChannel.set(entry.feed.channelId, list);
    }
    for (const [channelId, entries] of byChannel) {
      try {
        const channel = await this.deps.channels.get(this.deps.db, channelId);
        if (!channel || channel.type !== 'webchat' || !channel.enabled) {
          for (const entry of entries) entry.end('channel-closed');
          continue;
        }
        const config = webchatChannelConfigSchema.safeParse(channel.config);
        const notBefore = config.success ? visitorTokensNotBefore(config.data) : undefined;
        if (notBefore !== undefined) for (const entry of entries) if (entry.credentialIssuedAt < notBefore) entry.end('revoked');
      } catch (error) {
        // Postgres unavailable: keep the streams; the next check tries again.
        this.deps.logger.warn({ channelId, err: error instanceof Error ? error.message : String(error) }, 'web chat channel check failed');
      }
    }
  }
}

function isEntry(stream: FeedStream): stream is Entry {
  return 'credentialIssuedAt' in stream;
}

function feedKey(channelId: string, contact: string): string {
  return `${channelId}\n${contact}`;
}

function hashCode(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) hash = (hash * 31 + text.charCodeAt(index)) >>> 0;
  return hash;
}
