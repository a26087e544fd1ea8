// Lint fixture: pure engine code. Expected: no errors.
import { z } from 'zod';

export const counterEventSchema = z.object({ type: z.literal('increment'), by: z.number().int() });
export type CounterEvent = z.infer<typeof counterEventSchema>;

export type StepDeps = { now: () => number; randomId: () => string };

/** Deterministic: time and ids come from deps. */
export function step(count: number, event: CounterEvent, deps: StepDeps): { count: number; at: number; id: string } {
  return { count: count + event.by, at: deps.now(), id: deps.randomId() };
}

export const epoch = new Date(0).toISOString();
