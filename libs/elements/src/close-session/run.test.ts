import { describe, expect, it } from 'vitest';
import { testContext } from '../test-context';
import { closeSessionElement } from './index';
import { runCloseSession } from './run';
import { closeSessionSchema, type CloseSession } from './schema';

describe('close-session', () => {
  const element: CloseSession = { id: 'bye', type: 'close-session' };

  it('ends the session as completed', () => {
    expect(runCloseSession(element, testContext())).toEqual({
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
