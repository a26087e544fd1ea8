import type { ElementContext } from '../element-definition';
import { pickRandom } from '../pick-random';
import { renderTemplate } from '../render-template';
import type { MessageVariants } from './message-variants-schema';

/**
 * One of [text, ...variations], picked uniformly with `context.random` (called once when
 * there is a choice, never otherwise; see pickRandom), with placeholders filled from
 * `context.attributes`. Pure and total.
 */
export function renderMessageVariants(message: MessageVariants, context: ElementContext): string {
  const template = pickRandom([message.text, ...(message.variations ?? [])], context.random);
  return renderTemplate(template, context.attributes);
}
