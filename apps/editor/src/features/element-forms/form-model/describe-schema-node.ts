import { readFormMeta } from '@parley/elements';
import type { EnumOption, FieldDescription, UnionVariant } from './field-description';
import { wordsFromKey } from './words-from-key';

type JsonNode = Record<string, unknown>;

/** Where a node sits: its property name, whether its parent requires it, and the root (for `$ref`s). */
export type NodePlace = {
  readonly key: string | undefined;
  readonly required: boolean;
  /** Label when the node has no title and no key (list items, union variants). */
  readonly fallbackLabel: string;
  readonly root: JsonNode;
};

function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberAt(node: JsonNode, key: string): number | undefined {
  const value = node[key];
  return typeof value === 'number' ? value : undefined;
}

function stringAt(node: JsonNode, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Follows a local `$ref` ("#/$defs/name"), keeping the referring node's own annotations on top. */
function resolveRef(node: JsonNode, root: JsonNode, depth: number): JsonNode {
  const ref = stringAt(node, '$ref');
  if (ref === undefined || depth > 8) return node;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((current, segment) => (isNode(current) ? current[segment] : undefined), root);
  if (!isNode(target)) return node;
  const { $ref: _ref, ...own } = node;
  return resolveRef({ ...target, ...own }, root, depth + 1);
}

function variantsOf(node: JsonNode): JsonNode[] | undefined {
  const list = node['oneOf'] ?? node['anyOf'];
  return Array.isArray(list) ? list.filter(isNode) : undefined;
}

/** The property every variant fixes to a distinct constant (a discriminated union's tag), if any. */
function findDiscriminator(variants: readonly JsonNode[]): string | undefined {
  const first = variants[0];
  const properties = first && isNode(first['properties']) ? first['properties'] : undefined;
  if (!properties) return undefined;
  return Object.keys(properties).find((name) => {
    const tags = variants.map((variant) => {
      const props = variant['properties'];
      const property = isNode(props) ? props[name] : undefined;
      return isNode(property) && typeof property['const'] === 'string' ? property['const'] : undefined;
    });
    return tags.every((tag) => tag !== undefined) && new Set(tags).size === tags.length;
  });
}

/**
 * Describes one JSON Schema node (from z.toJSONSchema of an element schema, input side)
 * as a form field. Total: a node it cannot describe becomes a 'json' field, never a throw.
 */
export function describeSchemaNode(raw: JsonNode, place: NodePlace): FieldDescription {
  const node = resolveRef(raw, place.root, 0);
  const meta = readFormMeta(node);
  const common = {
    key: place.key,
    label: meta.title ?? (place.key === undefined ? place.fallbackLabel : wordsFromKey(place.key)),
    description: stringAt(node, 'description'),
    required: place.required,
    defaultValue: node['default'],
    meta,
  };

  const variants = variantsOf(node);
  if (variants) {
    const nonNull = variants.filter((variant) => variant['type'] !== 'null');
    const only = nonNull[0];
    // A nullable schema (X or null): the form edits X; an empty value removes the field.
    if (nonNull.length === 1 && only) {
      const { oneOf: _oneOf, anyOf: _anyOf, ...annotations } = node;
      return describeSchemaNode({ ...only, ...annotations }, place);
    }
    const constants = nonNull.map((variant) => variant['const']);
    if (constants.every(isScalar)) {
      const labels = meta.optionLabels ?? {};
      return { ...common, kind: 'enum', options: constants.map((value) => ({ value: String(value), label: labels[String(value)] ?? String(value) })) };
    }
    const discriminator = findDiscriminator(nonNull);
    const described: UnionVariant[] = nonNull.map((variant, index) => {
      const props = variant['properties'];
      const tagNode = discriminator !== undefined && isNode(props) ? props[discriminator] : undefined;
      const tag = isNode(tagNode) && typeof tagNode['const'] === 'string' ? tagNode['const'] : undefined;
      const field = describeSchemaNode(variant, { key: undefined, required: true, fallbackLabel: tag ?? `Option ${index + 1}`, root: place.root });
      const ownTitle = readFormMeta(variant).title;
      return { label: ownTitle ?? (tag !== undefined ? wordsFromKey(tag) : field.label), tag, field };
    });
    return { ...common, kind: 'union', discriminator, variants: described };
  }

  if (isScalar(node['const'])) return { ...common, kind: 'const', value: node['const'] };

  const enumValues = node['enum'];
  if (Array.isArray(enumValues) && enumValues.every(isScalar)) {
    const labels = meta.optionLabels ?? {};
    const options: EnumOption[] = enumValues.map((value) => ({ value: String(value), label: labels[String(value)] ?? String(value) }));
    return { ...common, kind: 'enum', options };
  }

  switch (node['type']) {
    case 'string':
      return { ...common, kind: 'string', minLength: numberAt(node, 'minLength'), maxLength: numberAt(node, 'maxLength') };
    case 'number':
    case 'integer':
      return { ...common, kind: 'number', integer: node['type'] === 'integer', minimum: numberAt(node, 'minimum'), maximum: numberAt(node, 'maximum') };
    case 'boolean':
      return { ...common, kind: 'boolean' };
    case 'array': {
      const items = node['items'];
      if (!isNode(items)) break;
      const itemTitle = meta.itemTitle ?? readFormMeta(items).title ?? 'Item';
      const item = describeSchemaNode(items, { key: undefined, required: true, fallbackLabel: itemTitle, root: place.root });
      return { ...common, kind: 'array', item, minItems: numberAt(node, 'minItems'), maxItems: numberAt(node, 'maxItems'), itemTitle };
    }
    case 'object': {
      const properties = node['properties'];
      if (!isNode(properties)) break;
      const requiredList = Array.isArray(node['required']) ? node['required'].filter((name) => typeof name === 'string') : [];
      const fields = Object.entries(properties)
        .filter((entry): entry is [string, JsonNode] => isNode(entry[1]))
        .map(([name, child]) =>
          describeSchemaNode(child, { key: name, required: requiredList.includes(name), fallbackLabel: wordsFromKey(name), root: place.root }),
        );
      return { ...common, kind: 'object', fields: sortByOrder(fields) };
    }
  }
  return { ...common, kind: 'json' };
}

/** Fields with a negative `order` first, then those without (schema order), then positive ones; stable. */
function sortByOrder(fields: readonly FieldDescription[]): FieldDescription[] {
  return fields
    .map((field, index) => ({ field, index }))
    .sort((a, b) => (a.field.meta.order ?? 0) - (b.field.meta.order ?? 0) || a.index - b.index)
    .map((entry) => entry.field);
}
