import type { AttributeRef } from '../attribute-ref-schema';
import type { ElementContext } from '../element-definition';
import type { SendEffect } from '../element-effect-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import { messageVariantsRefs } from './message-variants-refs';
import { renderMessageVariants } from './render-message-variants';
import type { SendMessage } from './schema';

/**
 * Sends `text`, or with variations one of [text, ...variations] picked uniformly with
 * `context.random` (called once, and only when there is a choice), placeholders filled.
 * Quick replies are attached when there are any (labels as written). Always continues
 * through 'next'.
 */
export function runSendMessage(element: SendMessage, context: ElementContext): ElementOutcome {
  const send: SendEffect = { type: 'send', text: renderMessageVariants(element, context) };
  if (element.buttons !== undefined && element.buttons.length > 0) {
    send.buttons = element.buttons.map((button) => ({ label: button.label }));
  }
  if (element.linkPreview === true) send.linkPreview = true;
  return { kind: 'continue', port: 'next', effects: [send], attributes: {} };
}

/** Attributes read by the text and variations. */
export function sendMessageAttributeRefs(element: SendMessage): AttributeRef[] {
  return messageVariantsRefs(element, []);
}
