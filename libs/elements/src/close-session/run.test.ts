import { describe, expect, it } from 'vitest';
import { closeSessionElement } from './index';
import { runCloseSession } from './run';
import { closeSessionSchema, type CloseSession } from './schema';

describe('close-session', () => {
  const element: CloseSession = { id: 'bye', type: 'close-session' };

  it('ends the session as completed', () => {
    expect(runCloseSession(element, { attributes: {}, now: 0, random: () => 0 })).toEqual({
      kind: 'end',
      reason: 'completed',
      effects: [],
      attributes: {},
    });
  });

  it('has no output ports and no config beyond the base fields', () => {
    expect(closeSessionElement.ports(element)).toEqual([]);
    expect(closeSessionSchema.safeParse({ ...element, name: 'Bye', position: { x: 1, y: 2 } }).success).toBe(true);
    expect(closeSessionSchema.safeParse({ ...element, text: 'bye' }).success).toBe(false);
  });
});
