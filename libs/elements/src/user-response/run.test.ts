import { describe, expect, it } from 'vitest';
import type { ElementContext } from '../element-definition';
import { elementOutcomeSchema } from '../element-outcome-schema';
import { resumeUserResponse, runUserResponse, userResponseAttributeRefs, userResponsePorts } from './run';
import { userResponseSchema, type UserResponse } from './schema';

const context: ElementContext = { attributes: {}, now: 0, random: () => 0 };
const element: UserResponse = { id: 'ask', type: 'user-response', saveAs: 'answer' };

describe('user-response', () => {
  it('waits for a user message, with the timeout when one is set', () => {
    expect(runUserResponse(element, context)).toEqual({ kind: 'wait', waitFor: { kind: 'user.message' }, effects: [], attributes: {} });
    const timed = runUserResponse({ ...element, timeoutSeconds: 60 }, context);
    expect(timed).toEqual({ kind: 'wait', waitFor: { kind: 'user.message', timeoutSeconds: 60 }, effects: [], attributes: {} });
    expect(elementOutcomeSchema.safeParse(timed).success).toBe(true);
  });

  it('saves the reply to saveAs and continues through next', () => {
    const outcome = resumeUserResponse(element, { kind: 'user.message' }, { type: 'user.message', text: 'Ana' }, context);
    expect(outcome).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: { answer: 'Ana' } });
  });

  it('saves nothing without saveAs', () => {
    const outcome = resumeUserResponse({ id: 'ask', type: 'user-response' }, { kind: 'user.message' }, { type: 'user.message', text: 'x' }, context);
    expect(outcome.attributes).toEqual({});
  });

  it('leaves through timeout when the wait times out', () => {
    const outcome = resumeUserResponse({ ...element, timeoutSeconds: 15 }, { kind: 'user.message', timeoutSeconds: 15 }, { type: 'timeout' }, context);
    expect(outcome).toEqual({ kind: 'continue', port: 'timeout', effects: [], attributes: {} });
  });

  it('has a timeout port only when a timeout is configured', () => {
    expect(userResponsePorts(element)).toEqual(['next']);
    expect(userResponsePorts({ ...element, timeoutSeconds: 15 })).toEqual(['next', 'timeout']);
  });

  it('reports saveAs as a write at its field', () => {
    expect(userResponseAttributeRefs(element)).toEqual([{ name: 'answer', access: 'write', path: ['saveAs'], valuePath: [] }]);
    expect(userResponseAttributeRefs({ id: 'ask', type: 'user-response' })).toEqual([]);
  });

  it('enforces the 15–14400 s timeout range and attribute names', () => {
    const ok = (value: unknown): boolean => userResponseSchema.safeParse(value).success;
    expect(ok({ ...element, timeoutSeconds: 15 })).toBe(true);
    expect(ok({ ...element, timeoutSeconds: 14400 })).toBe(true);
    expect(ok({ ...element, timeoutSeconds: 14 })).toBe(false);
    expect(ok({ ...element, timeoutSeconds: 14401 })).toBe(false);
    expect(ok({ ...element, timeoutSeconds: 20.5 })).toBe(false);
    expect(ok({ ...element, saveAs: 'not valid' })).toBe(false);
    expect(ok({ ...element, saveAs: '__proto__' })).toBe(false);
  });
});
