import type { ElementContext } from '../element-definition';
import type { ElementOutcome } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import type { WaitFor } from '../wait-for-schema';
import type { Delay } from './schema';

/** Waits for a `seconds` timer. Messages meanwhile are buffered by the engine, not lost. */
export function runDelay(element: Delay, _context: ElementContext): ElementOutcome {
  return { kind: 'wait', waitFor: { kind: 'timer', seconds: element.seconds }, effects: [], attributes: {} };
}

/** Continues through 'next' once the timer is over (any other resume is treated the same). */
export function resumeDelay(_element: Delay, _waitFor: WaitFor, _event: ResumeEvent, _context: ElementContext): ElementOutcome {
  return { kind: 'continue', port: 'next', effects: [], attributes: {} };
}
