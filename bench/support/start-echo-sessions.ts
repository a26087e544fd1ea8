import type { ReplyClock } from './reply-clock';
import type { SignedSender } from './signed-sender';

/** Starts an echo-bot session for contacts `${prefix}0` … `${prefix}${count - 1}`: resolves when each one's "ready" reached `clock`. */
export async function startEchoSessions(clock: ReplyClock, sender: SignedSender, prefix: string, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const ready = clock.expect(`${prefix}${index}`, 'ready');
      await sender.send(sender.prepare(`${prefix}${index}`, 'hi'));
      await ready;
    }),
  );
}
