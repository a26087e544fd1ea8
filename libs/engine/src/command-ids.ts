import type { TimerKind } from './command-schema';

/** Idempotency key of the `index`-th effect command of step `turn`. */
export function effectKey(turn: number, index: number): string {
  return `${turn}:${index}`;
}

/** Timer id for `kind` armed in step `turn`: at most one timer per kind per turn. */
export function timerId(turn: number, kind: TimerKind): string {
  return `${turn}:${kind}`;
}
