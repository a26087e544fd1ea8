import type { AttributeRef } from '../attribute-ref-schema';
import { placeholderRefs } from '../placeholder-refs';
import type { MessageVariants } from './message-variants-schema';

/** Placeholder reads of a message and its variations, located under `path` (e.g. ['repeatMessage']). */
export function messageVariantsRefs(message: MessageVariants | undefined, path: readonly (string | number)[]): AttributeRef[] {
  if (message === undefined) return [];
  return [
    ...placeholderRefs(message.text, [...path, 'text']),
    ...(message.variations ?? []).flatMap((variation, index) => placeholderRefs(variation, [...path, 'variations', index])),
  ];
}
