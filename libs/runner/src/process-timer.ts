import type { TimerJob } from '@parley/queue';
import type { Effects } from './effects';
import type { RunnerContext } from './runner-context';
import { runTurn } from './turns/run-turns';

/**
 * A timer came due: its turn, alone, waiting for the contact's lock (see runTurns). The
 * SessionTimer row is marked fired and `timer.fired` fed to the session that set it if
 * it is still the active one, in one transaction. Idempotent: a timer already fired or
 * cancelled does nothing, and the engine itself ignores a timer it no longer waits for.
 */
export async function processTimer(ctx: RunnerContext, job: TimerJob): Promise<Effects> {
  return runTurn(ctx, { kind: 'timer', job });
}
