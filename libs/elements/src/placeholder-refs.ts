import type { AttributeRef } from './attribute-ref-schema';
import { findPlaceholders } from './find-placeholders';

/** Read references for every placeholder in `template`, located at `path` in the element. */
export function placeholderRefs(template: string, path: readonly (string | number)[]): AttributeRef[] {
  return findPlaceholders(template).map((placeholder) => ({
    name: placeholder.name,
    access: 'read',
    path: [...path],
    valuePath: placeholder.path,
  }));
}
