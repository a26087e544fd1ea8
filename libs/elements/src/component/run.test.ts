import { describe, expect, it } from 'vitest';
import { componentReturnElement } from '../component-return';
import { testContext } from '../test-context';
import { declarationsForTests, validationContext } from '../validation-context-for-tests';
import { componentElement } from './index';
import { componentAttributeRefs, runComponent, validateComponent } from './run';
import type { Component } from './schema';

const element: Component = {
  id: 'call',
  type: 'component',
  componentId: 'collect',
  inputs: [{ from: 'name', to: 'who' }],
  outputs: [{ from: 'email', to: 'contact' }],
};

describe('component', () => {
  it('enters the component with its mappings', () => {
    expect(runComponent(element, testContext())).toEqual({
      kind: 'enter-component',
      componentId: 'collect',
      inputs: [{ from: 'name', to: 'who' }],
      outputs: [{ from: 'email', to: 'contact' }],
      effects: [],
      attributes: {},
    });
    expect(runComponent({ id: 'c', type: 'component', componentId: 'x' }, testContext())).toMatchObject({ inputs: [], outputs: [] });
    expect(componentElement.ports(element)).toEqual(['next']);
  });

  it("refers to the caller's side of the mappings only", () => {
    expect(componentAttributeRefs(element)).toEqual([
      { name: 'name', access: 'read', path: ['inputs', 0, 'from'], valuePath: [], via: 'field' },
      { name: 'contact', access: 'write', path: ['outputs', 0, 'to'], valuePath: [], via: 'field' },
    ]);
  });

  it('validates the component, its inputs and outputs, and the types', () => {
    const context = validationContext({
      declarations: declarationsForTests({ name: 'text', contact: 'email', age: 'number' }),
      components: [
        {
          id: 'collect',
          name: 'Collect',
          inputs: [{ name: 'who', type: 'text', scope: 'session' }],
          outputs: [{ name: 'email', type: 'email', scope: 'session' }],
        },
      ],
    });
    expect(validateComponent(element, context)).toEqual([]);
    expect(validateComponent({ ...element, componentId: 'gone' }, context)).toEqual([
      { field: 'componentId', rule: 'unknown-component', message: 'There is no component "gone".' },
    ]);
    const wrong: Component = { ...element, inputs: [{ from: 'age', to: 'who' }, { from: 'name', to: 'x' }], outputs: [{ from: 'email', to: 'age' }, { from: 'y', to: 'name' }] };
    expect(validateComponent(wrong, context).map(({ field, rule }) => ({ field, rule }))).toEqual([
      { field: 'inputs[1].to', rule: 'unknown-component-input' },
      { field: 'outputs[0]', rule: 'type-mismatch' },
      { field: 'outputs[1].from', rule: 'unknown-component-output' },
    ]);
  });
});

describe('component-return', () => {
  it('returns, and is valid only inside a component', () => {
    const ret = { id: 'r', type: 'component-return' as const };
    expect(componentReturnElement.run(ret, testContext())).toEqual({ kind: 'return', effects: [], attributes: {} });
    expect(componentReturnElement.validate?.(ret, validationContext({ scope: { kind: 'component', componentId: 'c' } }))).toEqual([]);
    expect(componentReturnElement.validate?.(ret, validationContext())).toEqual([
      { field: '', rule: 'return-outside-component', message: 'Component return can only be used inside a component.' },
    ]);
  });
});
