import { describe, expect, it } from 'vitest';
import { createBulkLaneGate } from './bulk-lane-gate';

/** A clock the test moves by hand. */
function fakeClock() {
  let time = 100_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

/** Asks the gate every `stepMs` for `wanted` turns over `forMs`; returns how many it let start. */
function drain(gate: ReturnType<typeof createBulkLaneGate>, clock: ReturnType<typeof fakeClock>, wanted: number, forMs: number, stepMs = 10): number {
  let started = 0;
  for (let elapsed = 0; elapsed < forMs; elapsed += stepMs) {
    started += gate.admit(Math.max(0, wanted - started)).take;
    clock.advance(stepMs);
  }
  return started;
}

describe('createBulkLaneGate', () => {
  it('lets every waiting bulk turn start at once while nobody else talks', () => {
    const clock = fakeClock();
    const gate = createBulkLaneGate({ ratePerSecond: 10, now: clock.now });
    gate.noteBulkWork('loud');
    expect(gate.admit(50)).toEqual({ take: 50 });
  });

  it('holds bulk turns to the rate while another workspace talks, in groups per tick, saying when to ask again', () => {
    const clock = fakeClock();
    const gate = createBulkLaneGate({ ratePerSecond: 100, tickMs: 100, contendedForMs: 1_000, now: clock.now });
    gate.noteMainWork('quiet');
    // 10 a tick: the first tick's 10 together, none more until it ends.
    expect(gate.admit(50)).toEqual({ take: 10, askAgainInMs: 100 });
    clock.advance(40);
    expect(gate.admit(40)).toEqual({ take: 0, askAgainInMs: 60 });
    clock.advance(60);
    expect(gate.admit(40)).toEqual({ take: 10, askAgainInMs: 100 });
    // Six more ticks of contention (the quiet workspace still talking): 60 more.
    gate.noteMainWork('quiet');
    clock.advance(100);
    expect(drain(gate, clock, 1_000, 600)).toBe(60);
  });

  it('lets the flood run at full speed again once the other workspace has been silent for contendedForMs', () => {
    const clock = fakeClock();
    const gate = createBulkLaneGate({ ratePerSecond: 100, contendedForMs: 10_000, now: clock.now });
    gate.noteMainWork('quiet');
    // Seconds between its messages still count as talking (an ordinary workspace's pace) ...
    clock.advance(5_000);
    expect(gate.admit(50).take).toBe(10);
    // ... until it has been silent for the whole span; the question asked last is told when that is.
    clock.advance(4_990);
    expect(gate.admit(50)).toEqual({ take: 10, askAgainInMs: 10 });
    clock.advance(10);
    expect(gate.admit(50)).toEqual({ take: 50 });
  });

  it('carries a fraction of a turn per tick over, so low rates hold too', () => {
    const clock = fakeClock();
    const gate = createBulkLaneGate({ ratePerSecond: 5, tickMs: 100, contendedForMs: 60_000, now: clock.now });
    gate.noteMainWork('quiet');
    expect(drain(gate, clock, 100, 2_000)).toBe(10);
  });

  it("never holds a flood back for its own main-lane traffic, only for another workspace's", () => {
    const clock = fakeClock();
    const gate = createBulkLaneGate({ ratePerSecond: 10, now: clock.now });
    gate.noteBulkWork('loud');
    gate.noteMainWork('loud'); // the flood's first messages, before its rate crossed the threshold
    expect(gate.admit(50).take).toBe(50);
    gate.noteMainWork('quiet');
    expect(drain(gate, clock, 50, 500)).toBe(5);
  });

  it('counts main-lane work of an unknown workspace as contention', () => {
    const clock = fakeClock();
    const gate = createBulkLaneGate({ ratePerSecond: 10, now: clock.now });
    gate.noteBulkWork('loud');
    gate.noteMainWork();
    expect(gate.admit(50).take).toBe(1);
  });
});
