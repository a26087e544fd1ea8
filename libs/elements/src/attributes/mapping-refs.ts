import type { AttributeMapping } from '../attribute-mapping-schema';
import type { AttributeRef } from '../attribute-ref-schema';

/**
 * Attribute refs of `mappings` at `field` (e.g. 'shareAttributes'): `from` is read and
 * `to` is written, unless a side lives in another scope (a component's attributes),
 * which the element then checks itself in `validate`.
 */
export function mappingRefs(
  mappings: readonly AttributeMapping[] | undefined,
  field: string,
  sides: { from: boolean; to: boolean } = { from: true, to: true },
): AttributeRef[] {
  const refs: AttributeRef[] = [];
  (mappings ?? []).forEach((mapping, index) => {
    if (sides.from) refs.push({ name: mapping.from, access: 'read', path: [field, index, 'from'], valuePath: [], via: 'field' });
    if (sides.to) refs.push({ name: mapping.to, access: 'write', path: [field, index, 'to'], valuePath: [], via: 'field' });
  });
  return refs;
}
