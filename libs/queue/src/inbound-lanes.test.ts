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

    // 1.5 s later, half of the previous second's 150 still counts: 75 + 1 <= 100.
    time += 1_500;
    expect(lanes.laneOf('loud')).toBe('main');
    // Two seconds of silence: the flood is forgotten.
    time += 2_000;
    expect(Array.from({ length: 100 }, () => lanes.laneOf('loud')).every((lane) => lane === 'main')).toBe(true);
  });
});
