import type { AttributeRef } from '../attribute-ref-schema';
import { placeholderRefs } from '../placeholder-refs';
import type { Fallback } from './fallback-schema';

/** Placeholders read by a fallback's message, located under `path` (default ['fallback']). */
export function fallbackAttributeRefs(fallback: Fallback | undefined, path: readonly (string | number)[] = ['fallback']): AttributeRef[] {
  const message = fallback?.message;
  if (message === undefined) return [];
  return [
    ...placeholderRefs(message.text, [...path, 'message', 'text']),
    ...(message.variations ?? []).flatMap((variation, index) => placeholderRefs(variation, [...path, 'message', 'variations', index])),
  ];
}
