import { describe, expect, it } from 'vitest';
import { bindElement } from './bind-element';
import { elementRegistry, elementSchema, elementSchemas, elementTypes } from './registry';

describe('element registry', () => {
  it('has one definition and one schema per element type, under its own type', () => {
    expect([...elementTypes].sort()).toEqual(Object.keys(elementRegistry).sort());
    expect(Object.keys(elementSchemas).sort()).toEqual(Object.keys(elementRegistry).sort());
    for (const type of elementTypes) {
      expect(elementRegistry[type].type).toBe(type);
      expect(elementRegistry[type].schema).toBe(elementSchemas[type]);
    }
  });

  it('binds each element to the definition of its type', () => {
    const element = elementSchema.parse({ id: 'ask', type: 'user-response', timeoutSeconds: 30, fallback: { action: { type: 'port' } } });
    const bound = bindElement(element);
    expect(bound.ports()).toEqual(['next', 'fallback']);
    expect(bound.onEvent).toBeDefined();
    expect(bindElement(elementSchema.parse({ id: 'bye', type: 'close-session' })).onEvent).toBeUndefined();
  });
});
