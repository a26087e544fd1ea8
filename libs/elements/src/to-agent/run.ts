import type { AttributeRef } from '../attribute-ref-schema';
import type { HandoffCall } from '../calls/handoff-call';
import type { ElementContext } from '../element-definition';
import type { ElementEffect } from '../element-effect-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import { placeholderRefs } from '../placeholder-refs';
import { renderTemplate } from '../render-template';
import type { ToAgent } from './schema';

/**
 * Sends `message` (placeholders filled) if there is one, then the handoff call (queue
 * and tags), and ends the session immediately with reason 'handoff'. The handoff's
 * optional agent note stays unset: the spec's Message is for the end user, so it goes
 * out as an ordinary message (the conversation log shows it to the agent too).
 */
export function runToAgent(element: ToAgent, context: ElementContext): ElementOutcome {
  const effects: ElementEffect[] = [];
  if (element.message !== undefined) effects.push({ type: 'send', text: renderTemplate(element.message, context.attributes) });
  const handoff: HandoffCall = { name: 'handoff', tags: [...(element.tags ?? [])] };
  if (element.queue !== undefined) handoff.queue = element.queue;
  effects.push({ type: 'call', call: handoff });
  return { kind: 'end', reason: 'handoff', effects, attributes: {} };
}

/** Attributes read by the message. */
export function toAgentAttributeRefs(element: ToAgent): AttributeRef[] {
  return element.message === undefined ? [] : placeholderRefs(element.message, ['message']);
}
