import { elementSchemas, placeholderRefs, readFormMeta, type ElementType } from '@parley/elements';
import { z } from 'zod';
import type { FieldPath } from '../../bot-editor/document/editor-flow';
import type { AttributeRef } from './attribute-ref';
import { scriptAttributeNames } from './script-attribute-names';

type JsonNode = Record<string, unknown>;

function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const schemas = new Map<ElementType, JsonNode>();

/** The element type's JSON Schema (input side, form metadata included), computed once per type. */
function schemaOf(type: ElementType): JsonNode {
  const cached = schemas.get(type);
  if (cached) return cached;
  const schema: JsonNode = z.toJSONSchema(elementSchemas[type], { io: 'input', unrepresentable: 'any' });
  schemas.set(type, schema);
  return schema;
}

/** Follows a local `$ref` ("#/$defs/name"), keeping the referring node's own keys on top. */
function resolve(node: JsonNode, root: JsonNode, depth = 0): JsonNode {
  const ref = node['$ref'];
  if (typeof ref !== 'string' || depth > 8) return node;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((current, segment) => (isNode(current) ? current[segment] : undefined), root);
  if (!isNode(target)) return node;
  const { $ref: _ref, ...own } = node;
  return resolve({ ...target, ...own }, root, depth + 1);
}

/** The variants of a union node that fit `value` (constants of the variant's properties must match). */
function fittingVariants(node: JsonNode, value: unknown, root: JsonNode): JsonNode[] {
  const list = node['oneOf'] ?? node['anyOf'];
  if (!Array.isArray(list)) return [];
  return list
    .filter(isNode)
    .map((variant) => resolve(variant, root))
    .filter((variant) => {
      const properties = variant['properties'];
      if (!isNode(value) || !isNode(properties)) return true;
      return Object.entries(properties).every(([key, property]) => !isNode(property) || !('const' in property) || value[key] === property['const']);
    });
}

function walk(raw: JsonNode, value: unknown, path: FieldPath, root: JsonNode, refs: AttributeRef[]): void {
  const node = resolve(raw, root);
  const meta = readFormMeta(node);
  if (typeof value === 'string') {
    if (meta.editor === 'attribute') {
      if (value !== '') refs.push({ name: value, access: meta.attributeAccess ?? 'read', path, via: 'field' });
    } else if (meta.editor === 'code') {
      for (const found of scriptAttributeNames(value)) refs.push({ ...found, path, via: 'script' });
    } else if (meta.editor !== 'hidden') {
      for (const found of placeholderRefs(value, path)) refs.push({ name: found.name, access: 'read', path, via: 'placeholder' });
    }
    return;
  }
  const variants = fittingVariants(node, value, root);
  if (variants.length > 0) {
    // Metadata on the union itself (an optional attribute field) applies to its variants.
    const [first] = variants;
    if (first) walk(meta.editor ? { ...first, editor: meta.editor, attributeAccess: meta.attributeAccess } : first, value, path, root, refs);
    return;
  }
  if (Array.isArray(value)) {
    const items = node['items'];
    if (isNode(items)) value.forEach((item, index) => walk(items, item, [...path, index], root, refs));
    return;
  }
  if (isNode(value)) {
    const properties = isNode(node['properties']) ? node['properties'] : {};
    for (const [key, item] of Object.entries(value)) {
      const property = properties[key];
      if (isNode(property)) walk(property, item, [...path, key], root, refs);
    }
  }
}

/**
 * The attribute references of an element that does not pass its schema yet (a
 * half-filled form), found by walking its config along its type's JSON Schema: attribute
 * fields (form metadata `editor: 'attribute'`) with a value, literal names in Code
 * scripts, and placeholders in every other text. What attributeRefs would report once the
 * element is complete, as far as the written fields tell.
 */
export function schemaAttributeRefs(type: ElementType, element: unknown): AttributeRef[] {
  const root = schemaOf(type);
  const refs: AttributeRef[] = [];
  walk(root, element, [], root, refs);
  return refs;
}
