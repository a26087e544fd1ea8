import type { AttributeRef } from '../attribute-ref-schema';
import type { ElementContext } from '../element-definition';
import type { SendEffect } from '../element-effect-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import { pickRandom } from '../pick-random';
import { placeholderRefs } from '../placeholder-refs';
import { renderTemplate } from '../render-template';
import type { SendMessage } from './schema';

/**
 * Sends `text`, or with variations one of [text, ...variations] picked uniformly with
 * `context.random` (see pickRandom), placeholders filled. Quick replies are attached
 * when there are any. Always continues through 'next'.
 */
export function runSendMessage(element: SendMessage, context: ElementContext): ElementOutcome {
  const template = pickRandom([element.text, ...(element.variations ?? [])], context.random);
  const send: SendEffect = { type: 'send', text: renderTemplate(template, context.attributes) };
  if (element.buttons !== undefined && element.buttons.length > 0) {
    send.buttons = element.buttons.map((button) => ({ label: button.label }));
  }
  return { kind: 'continue', port: 'next', effects: [send], attributes: {} };
}

/** Attributes read by the text and variations. */
export function sendMessageAttributeRefs(element: SendMessage): AttributeRef[] {
  return [
    ...placeholderRefs(element.text, ['text']),
    ...(element.variations ?? []).flatMap((variation, index) => placeholderRefs(variation, ['variations', index])),
  ];
}
