import { describe, expect, it } from 'vitest';
import { testContext } from '../test-context';
import { delayElement } from './index';
import { resumeDelay, runDelay } from './run';
import { delaySchema, type Delay } from './schema';

const element: Delay = { id: 'pause', type: 'delay', seconds: 5 };

describe('delay', () => {
  it('waits for a timer of its seconds, then continues through next', () => {
    expect(runDelay(element, testContext())).toEqual({ kind: 'wait', waitFor: { kind: 'timer', seconds: 5 }, effects: [], attributes: {} });
    expect(resumeDelay(element, { kind: 'timer', seconds: 5 }, { type: 'timer' }, testContext())).toEqual({
      kind: 'continue',
      port: 'next',
      effects: [],
      attributes: {},
    });
    expect(delayElement.ports(element)).toEqual(['next']);
  });

  it('accepts 1–30 whole seconds', () => {
    const ok = (seconds: unknown): boolean => delaySchema.safeParse({ ...element, seconds }).success;
    expect([1, 30].map(ok)).toEqual([true, true]);
    expect([0, 31, 1.5, '5'].map(ok)).toEqual([false, false, false, false]);
  });
});
