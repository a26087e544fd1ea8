import { toWebchatTranscriptEntry } from '@parley/channels';
import { listWebchatReplies, type Db } from '@parley/db';

/** Why a stream was ended by the server (sent to the client as `event: closed` / `event: reconnect`). */
export type WebchatStreamEndReason = 'replaced' | 'lifetime' | 'channel-closed' | 'revoked' | 'slow-reader' | 'failed' | 'shutdown';

/** One open event stream as a feed sees it. */
export type FeedStream = {
  /** The seq of the last reply this stream has (or skipped); replies after it are sent to it. */
  cursor: bigint;
  /** False while the stream replays its own backlog; the feed sends only to live streams. */
  live: boolean;
  /** Writes SSE text to the client. */
  send: (text: string) => void;
  /** Ends the stream (once); the stream leaves its feed. */
  end: (reason: WebchatStreamEndReason) => void;
};

/**
 * The delivered replies of one visitor (channel + contact), fetched once per notice for
 * every stream of that visitor open on this process: a reply costs the same queries
 * with 1 stream or 100 (one, unless a page of 100 is full). Replies go out in seq order,
 * each at most once per stream. One drain at a time; a notice during a drain makes it go
 * round once more. A database failure ends the feed's streams (clients reconnect with
 * their last id, nothing is lost).
 */
export class WebchatContactFeed {
  readonly streams = new Set<FeedStream>();
  /** Notices heard so far: a stream that went live during one knows to ask for a drain. */
  notices = 0;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly db: Db,
    readonly channelId: string,
    readonly contact: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** A reply up to `seq` was delivered (no seq: something may have been missed). */
  notify(seq?: bigint): void {
    this.notices += 1;
    if (seq !== undefined && !this.anyLiveBefore(seq)) return;
    void this.pump();
  }

  /** Fetches and sends what the live streams lack; resolves when the feed is idle again. */
  pump(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain()
      .catch((error: unknown) => {
        this.onError(error);
        for (const stream of [...this.streams]) stream.end('failed');
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        const live = [...this.streams].filter((stream) => stream.live);
        if (live.length === 0) return;
        const from = live.reduce((lowest, stream) => (stream.cursor < lowest ? stream.cursor : lowest), live[0]?.cursor ?? 0n);
        const page = await listWebchatReplies(this.db, { channelId: this.channelId, contact: this.contact, afterSeq: from });
        const frames = page.messages.map((message) => ({
          seq: message.seq,
          text: `id: ${message.seq.toString()}\ndata: ${JSON.stringify(toWebchatTranscriptEntry(message))}\n\n`,
        }));
        for (const stream of live) {
          if (!this.streams.has(stream)) continue; // ended meanwhile
          for (const frame of frames) if (frame.seq > stream.cursor) stream.send(frame.text);
          if (page.cursor > stream.cursor) stream.cursor = page.cursor;
        }
        if (!page.more) break;
      }
    } while (this.again);
  }

  private anyLiveBefore(seq: bigint): boolean {
    for (const stream of this.streams) if (stream.live && stream.cursor < seq) return true;
    return false;
  }
}
