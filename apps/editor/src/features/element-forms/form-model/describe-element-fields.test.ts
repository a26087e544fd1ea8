import { elementSchemas, elementTypes, type ElementType } from '@parley/elements';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { controlOf } from './control-of';
import { describeElementFields, elementBaseKeys } from './describe-element-fields';
import type { FieldDescription } from './field-description';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every field of the JSON Schema as a dotted path ('buttons[].label', 'body|editor.text'), input side. */
function schemaPaths(node: unknown, prefix: string): string[] {
  if (!isRecord(node)) return [];
  const variants = node['oneOf'] ?? node['anyOf'];
  if (Array.isArray(variants)) return variants.flatMap((variant, index) => schemaPaths(variant, `${prefix}|${index}`));
  if (node['type'] === 'array') return schemaPaths(node['items'], `${prefix}[]`);
  const properties = node['properties'];
  if (!isRecord(properties)) return [];
  return Object.entries(properties).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...schemaPaths(child, path)];
  });
}

/** The same paths from the field descriptions, each with its control. */
function describedPaths(fields: readonly FieldDescription[], prefix: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (field: FieldDescription, path: string) => {
    if (field.kind === 'array') visit(field.item, `${path}[]`);
    if (field.kind === 'object') for (const child of field.fields) add(child, `${path}.${child.key ?? ''}`);
    if (field.kind === 'union') field.variants.forEach((variant, index) => visit(variant.field, `${path}|${index}`));
  };
  const add = (field: FieldDescription, path: string) => {
    found.set(path, controlOf(field));
    visit(field, path);
  };
  for (const field of fields) add(field, prefix === '' ? (field.key ?? '') : `${prefix}.${field.key ?? ''}`);
  return found;
}

function field(type: ElementType, key: string): FieldDescription {
  const found = describeElementFields(type).find((candidate) => candidate.key === key);
  if (!found) throw new Error(`${type} has no field ${key}`);
  return found;
}

describe('describeElementFields', () => {
  it('gives every field of every element schema a control (nested objects, list items and variants included)', () => {
    for (const type of elementTypes) {
      const json = z.toJSONSchema(elementSchemas[type], { io: 'input' });
      const expected = schemaPaths(json, '').filter((path) => !elementBaseKeys.some((key) => path === key || path.startsWith(`${key}.`)));
      const described = describedPaths(describeElementFields(type), '');
      for (const path of expected) {
        expect({ type, path, control: described.get(path) ?? 'missing' }).not.toMatchObject({ control: 'missing' });
        expect({ type, path, control: described.get(path) }).not.toMatchObject({ control: 'json' });
      }
      expect(described.size).toBeGreaterThanOrEqual(expected.length);
    }
  });

  it('leaves the fields the header and the canvas edit (id, type, name, position) out', () => {
    for (const type of elementTypes) {
      expect(
        describeElementFields(type)
          .map((candidate) => candidate.key)
          .filter((key) => key !== undefined && elementBaseKeys.includes(key)),
      ).toEqual([]);
    }
    expect(describeElementFields('close-session')).toEqual([]);
  });

  it('reads labels, limits and hand-made editors from the schema metadata', () => {
    const text = field('send-message', 'text');
    expect(text).toMatchObject({ kind: 'string', label: 'Message', maxLength: 4096, required: true });
    expect(controlOf(text)).toBe('textarea');
    const buttons = field('send-message', 'buttons');
    expect(buttons).toMatchObject({ kind: 'array', label: 'Quick replies', maxItems: 10, itemTitle: 'Quick reply', required: false });
    expect(controlOf(buttons)).toBe('buttons');
    expect(buttons.kind === 'array' && buttons.item.kind === 'object' && buttons.item.fields[0]).toMatchObject({ key: 'label', maxLength: 20 });
    expect(controlOf(field('user-response', 'keywords'))).toBe('keywords');
    expect(field('user-response', 'nlp')).toMatchObject({ kind: 'boolean', label: 'Natural language processing (NLP)' });
    expect(controlOf(field('user-response', 'saveAs'))).toBe('attribute');
    expect(controlOf(field('conditions', 'conditions'))).toBe('conditions');
    expect(controlOf(field('to-dialog', 'dialogId'))).toBe('dialog');
    expect(controlOf(field('component', 'componentId'))).toBe('component');
    expect(controlOf(field('code', 'code'))).toBe('code');
    expect(controlOf(field('api', 'headers'))).toBe('key-value');
    expect(field('api', 'headers').meta.caseInsensitiveKeys).toBe(true);
    expect(field('delay', 'seconds')).toMatchObject({ kind: 'number', integer: true, minimum: 1, maximum: 30, label: 'Delay (seconds)' });
    expect(field('api', 'timeoutSeconds')).toMatchObject({ kind: 'number', minimum: 1, maximum: 60, defaultValue: 10, required: false });
    expect(controlOf(field('user-response', 'repeat'))).toBe('number-select');
    expect(field('save-user-response', 'saveAs')).toMatchObject({ label: 'Save answer as', required: true });
    expect(field('csat-survey', 'scale')).toMatchObject({
      kind: 'enum',
      options: [
        { value: '1-2', label: '1–2 scale' },
        { value: '1-5', label: '1–5 scale' },
        { value: '1-10', label: '1–10 scale' },
        { value: 'emoji', label: 'Emoji scale' },
      ],
    });
  });

  it('describes discriminated unions by their tag and plain unions by their variants', () => {
    const fallback = field('user-response', 'fallback');
    const action = fallback.kind === 'object' ? fallback.fields.find((child) => child.key === 'action') : undefined;
    expect(action).toMatchObject({ kind: 'union', discriminator: 'type', label: 'Fallback action' });
    expect(action?.kind === 'union' && action.variants.map((variant) => [variant.tag, variant.label])).toEqual([
      ['dialog', 'Go to a dialog'],
      ['agent', 'Transfer to an agent'],
      ['port', 'Continue through the Fallback port'],
      ['end', 'Close the session'],
    ]);
    const validation = field('save-user-response', 'validation');
    expect(validation).toMatchObject({ kind: 'union', discriminator: 'type', required: false });
    const mappings = field('customer-profiles-profile', 'mappings');
    const person = mappings.kind === 'array' && mappings.item.kind === 'object' ? mappings.item.fields.find((child) => child.key === 'field') : undefined;
    expect(person).toMatchObject({ kind: 'union', discriminator: undefined });
    expect(person?.kind === 'union' && person.variants.map((variant) => [variant.label, variant.field.kind])).toEqual([
      ['Standard field', 'enum'],
      ['Custom attribute', 'object'],
    ]);
  });

  it('shows fields that depend on another one only when asked to (visibleWhen)', () => {
    expect(field('webhook', 'url').meta.visibleWhen).toEqual({ field: 'urlType', oneOf: ['static'] });
    expect(field('webhook', 'urlAttribute').meta.visibleWhen).toEqual({ field: 'urlType', oneOf: ['dynamic'] });
    expect(field('customer-profiles-tags', 'saveResultAs').meta.visibleWhen).toEqual({ field: 'action', oneOf: ['get'] });
  });
});
