import type { Platform } from '../../support/start-platform';

export type EchoLoadOptions = {
  platform: Platform;
  /** Unique per test: contact names start with it. */
  tag: string;
  sessions: number;
  perSession: number;
  /** Give up on a message not acknowledged after this long (ms). */
  deadlineMs?: number;
  /**
   * Conversational pace: a contact sends its next message only once the receiver
   * has the reply to the previous one, so sending goes on for the whole run.
   * Default: send as fast as acknowledged.
   */
  awaitReplies?: boolean;
};

export type EchoLoad = {
  contacts: string[];
  /** Messages acknowledged (200/202) so far. */
  acked: () => number;
  /** Resolves when every message is acknowledged. */
  done: Promise<void>;
  /** Every HTTP status (or 'network') answered, with counts; retries included. */
  statuses: Map<string, number>;
  /** Answers other than 200, 202 and 503, with the message they were for. */
  unexpected: { messageId: string; status: string; body: string }[];
};

/**
 * A channel sending `sessions` conversations of `perSession` messages ("1",
 * "2", ...) at once through the platform's APIs (alternating between them). Like
 * a real channel, it sends a contact's next message only after the previous one
 * was acknowledged, and retries a message (same messageId, other API) on 5xx or a
 * network error until it is acknowledged.
 */
export function startEchoLoad(options: EchoLoadOptions): EchoLoad {
  const { platform } = options;
  const contacts = Array.from({ length: options.sessions }, (_, i) => `${options.tag}-${i}`);
  const statuses = new Map<string, number>();
  const unexpected: EchoLoad['unexpected'] = [];
  let acked = 0;
  const count = (status: string): void => {
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  };
  const deadline = Date.now() + (options.deadlineMs ?? 90_000);

  const send = async (contact: string, index: number, n: number): Promise<void> => {
    const messageId = `${contact}-${n}`;
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > deadline) throw new Error(`message ${messageId} not acknowledged in time`);
      const api = (index + n + attempt) % platform.apiUrls.length;
      try {
        const response = await platform.post({ messageId, from: contact, text: String(n) }, { api });
        const body = await response.text();
        count(String(response.status));
        if (response.status === 200 || response.status === 202) {
          acked += 1;
          return;
        }
        if (response.status !== 503) unexpected.push({ messageId, status: String(response.status), body: body.slice(0, 200) });
      } catch {
        count('network');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 1000)));
    }
  };

  const repliedTo = async (contact: string, replies: number): Promise<void> => {
    while (new Set(platform.receiver.repliesTo(contact).map((reply) => reply.webhookId)).size < replies) {
      if (Date.now() > deadline) throw new Error(`no reply ${replies} for ${contact} in time`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const done = Promise.all(
    contacts.map(async (contact, index) => {
      for (let n = 1; n <= options.perSession; n++) {
        if (options.awaitReplies && n > 1) await repliedTo(contact, n - 1);
        await send(contact, index, n);
      }
    }),
  ).then(() => undefined);
  return { contacts, acked: () => acked, done, statuses, unexpected };
}
