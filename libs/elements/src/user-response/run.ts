import type { AttributeRef } from '../attribute-ref-schema';
import type { ElementContext } from '../element-definition';
import type { ElementOutcome } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import type { WaitFor } from '../wait-for-schema';
import type { UserResponse } from './schema';

/** Waits for the next user message (with the element's timeout, if any). */
export function runUserResponse(element: UserResponse, _context: ElementContext): ElementOutcome {
  const waitFor: WaitFor =
    element.timeoutSeconds === undefined
      ? { kind: 'user.message' }
      : { kind: 'user.message', timeoutSeconds: element.timeoutSeconds };
  return { kind: 'wait', waitFor, effects: [], attributes: {} };
}

/**
 * A reply is saved to `saveAs` (when set) and leaves through 'next'; a timeout leaves
 * through 'timeout' without touching attributes.
 */
export function resumeUserResponse(
  element: UserResponse,
  _waitFor: WaitFor,
  event: ResumeEvent,
  _context: ElementContext,
): ElementOutcome {
  switch (event.type) {
    case 'user.message':
      return {
        kind: 'continue',
        port: 'next',
        effects: [],
        attributes: element.saveAs === undefined ? {} : { [element.saveAs]: event.text },
      };
    case 'timeout':
      return { kind: 'continue', port: 'timeout', effects: [], attributes: {} };
  }
}

/** 'timeout' exists only when a timeout is configured. */
export function userResponsePorts(element: UserResponse): string[] {
  return element.timeoutSeconds === undefined ? ['next'] : ['next', 'timeout'];
}

export function userResponseAttributeRefs(element: UserResponse): AttributeRef[] {
  return element.saveAs === undefined ? [] : [{ name: element.saveAs, access: 'write', path: ['saveAs'], valuePath: [] }];
}
