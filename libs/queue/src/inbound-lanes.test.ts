import { describe, expect, it } from 'vitest';
import { createInboundLanes } from './inbound-lanes';

describe('createInboundLanes', () => {
  it('sends a workspace above its rate to the bulk lane while others stay in the main lane', () => {
    let time = 10_000;
    const lanes = createInboundLanes({ ratePerSecond: 100, now: () => time });
    const flood = Array.from({ length: 150 }, () => lanes.laneOf('loud'));
    expect(flood.slice(0, 100).every((lane) => lane === 'main')).toBe(true);
    expect(flood.slice(100).every((lane) => lane === 'bulk')).toBe(true);
    expect(lanes.laneOf('quiet')).toBe('main');

    // It slows to 60 a second, below the threshold but above half of it: it stays in the bulk
    // lane (held to its share, a flood sends only as fast as it is answered), while a workspace
    // that has sent 60 a second all along stays in the main lane.
    const steadily = (perSecond: Record<string, number>, seconds: number): Record<string, string[]> => {
      const seen: Record<string, string[]> = {};
      for (let tick = 0; tick < seconds * 10; tick++) {
        time += 100;
        for (const [workspace, rate] of Object.entries(perSecond)) {
          for (let n = 0; n < rate / 10; n++) (seen[workspace] ??= []).push(lanes.laneOf(workspace));
        }
      }
      return seen;
    };
    const slowed = steadily({ loud: 60, steady: 60 }, 3);
    expect(slowed['loud']?.every((lane) => lane === 'bulk')).toBe(true);
    expect(slowed['steady']?.every((lane) => lane === 'main')).toBe(true);
    // At 20 a second (below half) it is back in the main lane within a second or so.
    expect(steadily({ loud: 20 }, 3)['loud']?.slice(-30).every((lane) => lane === 'main')).toBe(true);
    // Two seconds of silence: the flood is forgotten.
    time += 2_000;
    expect(Array.from({ length: 100 }, () => lanes.laneOf('loud')).every((lane) => lane === 'main')).toBe(true);
  });
});
