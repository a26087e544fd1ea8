import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { FloodReport, FloodRequest } from './flood-process';

export type FloodClient = {
  /** The flood process's pid (for its CPU time). */
  pid: number | undefined;
  /** Where the noisy workspace's channel sends its replies (the flood process's clock). */
  outboundUrl: string;
  /** Starts a session for each of `contacts` contacts on `channelId` (resolves when each said "ready"). */
  startSessions: (options: { apiUrls: string[]; channelId: string; secret: string; contacts: number }) => Promise<void>;
  /** Every contact sends, echo by echo, until `stop`. */
  flood: (round: number) => Promise<void>;
  /** Ends the flood when each contact's message in flight was answered: the replies and how long it ran. */
  stop: () => Promise<{ replies: number; ms: number }>;
  close: () => Promise<void>;
};

/**
 * Starts flood-process.ts as a child process (tsx, like the platform's apps): a noisy
 * workspace's customers on their own event loop, as they would be on their own machines.
 */
export async function startFloodClient(): Promise<FloodClient> {
  const child = fork(resolve(import.meta.dirname, 'flood-process.ts'), { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  /** The child's next report; a failure or an early exit rejects. */
  const nextReport = (): Promise<FloodReport> =>
    new Promise((done, fail) => {
      const onMessage = (report: FloodReport): void => {
        child.off('exit', onExit);
        if (report.kind === 'failed') fail(new Error(`flood process: ${report.error}`));
        else done(report);
      };
      const onExit = (): void => {
        child.off('message', onMessage);
        fail(new Error('flood process exited early'));
      };
      child.once('message', onMessage);
      child.once('exit', onExit);
    });
  const ask = (request: FloodRequest): Promise<FloodReport> => {
    const answer = nextReport();
    child.send(request);
    return answer;
  };
  const unexpected = (report: FloodReport, wanted: FloodReport['kind']): Error => new Error(`flood process said ${report.kind}, expected ${wanted}`);
  const listening = await nextReport();
  if (listening.kind !== 'listening') throw unexpected(listening, 'listening');
  return {
    pid: child.pid,
    outboundUrl: listening.outboundUrl,
    startSessions: async (options) => {
      const report = await ask({ kind: 'start', ...options });
      if (report.kind !== 'started') throw unexpected(report, 'started');
    },
    flood: async (round) => {
      const report = await ask({ kind: 'flood', round });
      if (report.kind !== 'flooding') throw unexpected(report, 'flooding');
    },
    stop: async () => {
      const report = await ask({ kind: 'stop' });
      if (report.kind !== 'stopped') throw unexpected(report, 'stopped');
      return { replies: report.replies, ms: report.ms };
    },
    close: async () => {
      if (child.exitCode === null) child.send({ kind: 'exit' } satisfies FloodRequest);
      await exited;
    },
  };
}
