import type { BenchPlatform } from './bench-platform';

export type Conversations = { perSecond: number; latencies: number[] };

/**
 * `concurrency` senders share `contacts` contacts (sender k takes contacts k, k + concurrency, ...);
 * each sends a contact's next message once the reply to its last one arrived (closed loop).
 * `first`: the message starts the session ("hi", reply "ready"); otherwise it is echoed.
 * `prefix` names the contacts (`${prefix}${index}`; default "contact-").
 */
export async function closedConversations(
  bench: BenchPlatform,
  options: { contacts: number; concurrency: number; messagesPerContact: number; first: boolean; prefix?: string },
): Promise<Conversations> {
  const latencies: number[] = [];
  const begin = performance.now();
  let counter = 0;
  const sender = async (k: number): Promise<void> => {
    for (let round = 0; round < options.messagesPerContact; round++) {
      for (let index = k; index < options.contacts; index += options.concurrency) {
        const contact = `${options.prefix ?? 'contact-'}${index}`;
        const text = options.first ? 'hi' : `c${(counter += 1)}`;
        const request = bench.sender.prepare(contact, text);
        const reply = bench.clock.expect(contact, options.first ? 'ready' : `echo ${text}`);
        const sentAt = performance.now();
        await bench.sender.send(request);
        latencies.push((await reply) - sentAt);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.contacts) }, (_, k) => sender(k)));
  return { perSecond: (latencies.length * 1_000) / (performance.now() - begin), latencies };
}
