import { describe, expect, it } from 'vitest';
import { createBulkLaneGate } from './bulk-lane-gate';

/** A fake clock whose timers run when `advance` passes them. */
function fakeTime() {
  let time = 100_000;
  let timers: { at: number; run: () => void }[] = [];
  return {
    now: () => time,
    setTimer: (run: () => void, ms: number) => timers.push({ at: time + ms, run }),
    advance: async (ms: number) => {
      const end = time + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        time = due.at;
        due.run();
        await Promise.resolve();
      }
      time = end;
      await Promise.resolve();
    },
  };
}

describe('createBulkLaneGate', () => {
  it('admits bulk jobs at once while the main lane is idle', async () => {
    const clock = fakeTime();
    const gate = createBulkLaneGate({ ratePerSecond: 10, now: clock.now, setTimer: clock.setTimer });
    let admitted = 0;
    await Promise.all(Array.from({ length: 100 }, () => gate.admit().then(() => (admitted += 1))));
    expect(admitted).toBe(100);
  });

  it('admits them at the rate while the main lane has work, in arrival order, and all at once when it stops', async () => {
    const clock = fakeTime();
    const gate = createBulkLaneGate({ ratePerSecond: 10, contendedForMs: 1_000, now: clock.now, setTimer: clock.setTimer });
    gate.noteMainWork();
    const order: number[] = [];
    for (let index = 0; index < 30; index++) void gate.admit().then(() => order.push(index));
    await clock.advance(0);
    expect(order).toEqual([0]);
    // Main-lane work keeps coming for 1.5 s: one bulk job every 100 ms.
    for (let step = 0; step < 15; step++) {
      await clock.advance(100);
      gate.noteMainWork();
    }
    expect(order).toEqual(Array.from({ length: 16 }, (_, index) => index));
    expect(gate.waiting()).toBe(14);
    // The main lane falls silent: a second later the rest are admitted together.
    await clock.advance(999);
    expect(order.length).toBeLessThan(30);
    await clock.advance(2);
    expect(order).toEqual(Array.from({ length: 30 }, (_, index) => index));
    expect(gate.waiting()).toBe(0);
  });

  it('admits the jobs of one tick together, so that they share a turn batch', async () => {
    const clock = fakeTime();
    const gate = createBulkLaneGate({ ratePerSecond: 200, tickMs: 50, now: clock.now, setTimer: clock.setTimer });
    gate.noteMainWork();
    let admitted = 0;
    for (let index = 0; index < 100; index++) void gate.admit().then(() => (admitted += 1));
    await clock.advance(0);
    expect(admitted).toBe(10);
    await clock.advance(49);
    expect(admitted).toBe(10);
    await clock.advance(1);
    expect(admitted).toBe(20);
    gate.noteMainWork();
    await clock.advance(200);
    expect(admitted).toBe(60);
  });

  it("never holds a flood back for its own main-lane traffic, only for another workspace's", async () => {
    const clock = fakeTime();
    const gate = createBulkLaneGate({ ratePerSecond: 10, now: clock.now, setTimer: clock.setTimer });
    let admitted = 0;
    await gate.admit('loud');
    gate.noteMainWork('loud'); // the flood's first messages, before its rate crossed the threshold
    await Promise.all(Array.from({ length: 50 }, () => gate.admit('loud').then(() => (admitted += 1))));
    expect(admitted).toBe(50);

    gate.noteMainWork('quiet');
    admitted = 0;
    for (let index = 0; index < 50; index++) void gate.admit('loud').then(() => (admitted += 1));
    await clock.advance(500);
    expect(admitted).toBeLessThanOrEqual(6);
  });

  it('lets in at most maxOutstanding bulk jobs not yet done, main lane idle or not', async () => {
    const clock = fakeTime();
    const gate = createBulkLaneGate({ ratePerSecond: 1_000, maxOutstanding: 3, now: clock.now, setTimer: clock.setTimer });
    const dones: (() => void)[] = [];
    for (let index = 0; index < 5; index++) void gate.admit('loud').then((done) => dones.push(done));
    await clock.advance(0);
    expect(dones).toHaveLength(3);
    expect(gate.waiting()).toBe(2);
    dones[0]?.();
    dones[0]?.(); // a second call changes nothing
    await clock.advance(0);
    expect(dones).toHaveLength(4);
    expect(gate.waiting()).toBe(1);
  });
});
