import { describe, expect, it } from 'vitest';
import { findPlaceholders } from './find-placeholders';
import { renderTemplate } from './render-template';

describe('findPlaceholders', () => {
  it('finds names and dotted paths, tolerating inner spaces', () => {
    expect(findPlaceholders('Hi {{name}}, {{ order.items.0.name }} {{a_b.c-d}}')).toEqual([
      { raw: '{{name}}', name: 'name', path: [] },
      { raw: '{{ order.items.0.name }}', name: 'order', path: ['items', '0', 'name'] },
      { raw: '{{a_b.c-d}}', name: 'a_b', path: ['c-d'] },
    ]);
  });

  it('ignores text that only looks like a placeholder', () => {
    expect(findPlaceholders('{{}} {{ }} {{1abc}} {name} {{a b}} {{a.}}')).toEqual([]);
  });
});

describe('renderTemplate', () => {
  const attributes = {
    name: 'Ana',
    age: 31,
    vip: false,
    nothing: null,
    order: { id: 'A-1', items: [{ name: 'Tea' }], total: { amount: 3.5 } },
    raw: '{"items":[{"name":"Cake"}]}',
    tags: ['a', 'b'],
  };

  it('formats scalars, objects and missing values', () => {
    expect(renderTemplate('{{name}} {{age}} {{vip}} [{{nothing}}] [{{missing}}]', attributes)).toBe('Ana 31 false [] []');
    expect(renderTemplate('{{order.total}} {{tags}}', attributes)).toBe('{"amount":3.5} ["a","b"]');
  });

  it('walks objects by key and arrays by index, also through JSON kept as text', () => {
    expect(renderTemplate('{{order.items.0.name}} {{tags.1}} {{raw.items.0.name}}', attributes)).toBe('Tea b Cake');
    expect(renderTemplate('[{{order.items.5.name}}] [{{tags.x}}] [{{name.length}}] [{{order.toString}}]', attributes)).toBe('[] [] [] []');
  });

  it('leaves everything that is not a placeholder untouched', () => {
    expect(renderTemplate('{{ }} {x} }} {{ 1 }} $& $1', attributes)).toBe('{{ }} {x} }} {{ 1 }} $& $1');
  });
});
