import { ReplyClock } from './reply-clock';
import { SignedSender } from './signed-sender';
import { startEchoSessions } from './start-echo-sessions';

/**
 * The noisy workspace's customers, in a process of their own (started by
 * startFloodClient): a ReplyClock for their replies and `contacts` echo-bot contacts
 * that each send their next message as soon as the echo of the last one arrived.
 * Apart from the bench's process, whose event loop times the quiet workspace's
 * replies: on one loop, each flood reply and send queued ahead of a quiet reply's
 * arrival and counted as the platform's latency.
 *
 * Speaks over IPC (FloodRequest in, FloodReport out); tells its clock's URL first.
 */
export type FloodRequest =
  | { kind: 'start'; apiUrls: string[]; channelId: string; secret: string; contacts: number }
  | { kind: 'flood'; round: number }
  | { kind: 'stop' }
  | { kind: 'exit' };

export type FloodReport =
  | { kind: 'listening'; outboundUrl: string }
  | { kind: 'started' }
  | { kind: 'flooding' }
  | { kind: 'stopped'; replies: number; ms: number }
  | { kind: 'failed'; error: string };

const clock = new ReplyClock();
let sender: SignedSender | null = null;
let contacts = 0;
let flooding = false;
let flood: Promise<void> = Promise.resolve();
let replies = 0;
let floodStarted = 0;

const report = (message: FloodReport): void => {
  process.send?.(message);
};

async function floodRound(round: number): Promise<void> {
  const active = sender;
  if (!active) throw new Error('flood before start');
  await Promise.all(
    Array.from({ length: contacts }, async (_, index) => {
      for (let n = 0; flooding; n++) {
        const text = `n${round}-${index}-${n}`;
        const echoed = clock.expect(`noisy-${index}`, `echo ${text}`);
        await active.send(active.prepare(`noisy-${index}`, text));
        await echoed;
        replies++;
      }
    }),
  );
}

async function handle(request: FloodRequest): Promise<void> {
  switch (request.kind) {
    case 'start': {
      const active = new SignedSender(request.apiUrls, request.channelId, request.secret);
      sender = active;
      contacts = request.contacts;
      await startEchoSessions(clock, active, 'noisy-', contacts);
      report({ kind: 'started' });
      return;
    }
    case 'flood':
      flooding = true;
      replies = 0;
      floodStarted = performance.now();
      flood = floodRound(request.round);
      report({ kind: 'flooding' });
      return;
    case 'stop':
      flooding = false;
      await flood;
      report({ kind: 'stopped', replies, ms: performance.now() - floodStarted });
      return;
    case 'exit':
      await sender?.close();
      await clock.stop();
      process.exit(0);
  }
}

// Orphaned (the bench died): nothing left to flood for.
process.on('disconnect', () => process.exit(0));
process.on('message', (request: FloodRequest) => {
  handle(request).catch((error: unknown) => report({ kind: 'failed', error: String(error instanceof Error ? error.stack : error) }));
});
report({ kind: 'listening', outboundUrl: await clock.start() });
