import type { AttributeRef } from '../attribute-ref-schema';
import { attributeTypesCompatible } from '../attributes/attribute-types-compatible';
import { mappingRefs } from '../attributes/mapping-refs';
import type { AttributeDeclaration } from '../attribute-declaration-schema';
import type { ElementContext } from '../element-definition';
import type { ElementIssue } from '../element-issue-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import { lookupDeclaration, type ValidationContext } from '../validation-context';
import type { Component } from './schema';

/** Enters the component; the engine runs it and continues through 'next' when it returns. */
export function runComponent(element: Component, _context: ElementContext): ElementOutcome {
  return {
    kind: 'enter-component',
    componentId: element.componentId,
    inputs: (element.inputs ?? []).map(({ from, to }) => ({ from, to })),
    outputs: (element.outputs ?? []).map(({ from, to }) => ({ from, to })),
    effects: [],
    attributes: {},
  };
}

/** The caller's side: inputs' `from` are read, outputs' `to` are written. */
export function componentAttributeRefs(element: Component): AttributeRef[] {
  return [
    ...mappingRefs(element.inputs, 'inputs', { from: true, to: false }),
    ...mappingRefs(element.outputs, 'outputs', { from: false, to: true }),
  ];
}

/**
 * The component exists; every input maps onto one of its inputs and every output reads
 * one of its outputs; the types on both sides are compatible.
 */
export function validateComponent(element: Component, context: ValidationContext): ElementIssue[] {
  const component = context.components.find((candidate) => candidate.id === element.componentId);
  if (component === undefined) {
    return [{ field: 'componentId', rule: 'unknown-component', message: `There is no component "${element.componentId}".` }];
  }
  const issues: ElementIssue[] = [];
  const check = (
    field: 'inputs' | 'outputs',
    index: number,
    from: AttributeDeclaration | undefined,
    to: AttributeDeclaration | undefined,
  ): void => {
    if (from !== undefined && to !== undefined && !attributeTypesCompatible(from.type, to.type)) {
      issues.push({
        field: `${field}[${index}]`,
        rule: 'type-mismatch',
        message: `"${from.name}" (${from.type}) cannot be copied into "${to.name}" (${to.type}).`,
      });
    }
  };
  (element.inputs ?? []).forEach((mapping, index) => {
    const input = component.inputs.find((declaration) => declaration.name === mapping.to);
    if (input === undefined) {
      issues.push({ field: `inputs[${index}].to`, rule: 'unknown-component-input', message: `Component "${component.name}" has no input "${mapping.to}".` });
    }
    check('inputs', index, lookupDeclaration(context.declarations, mapping.from), input);
  });
  (element.outputs ?? []).forEach((mapping, index) => {
    const output = component.outputs.find((declaration) => declaration.name === mapping.from);
    if (output === undefined) {
      issues.push({ field: `outputs[${index}].from`, rule: 'unknown-component-output', message: `Component "${component.name}" has no output "${mapping.from}".` });
    }
    check('outputs', index, output, lookupDeclaration(context.declarations, mapping.to));
  });
  return issues;
}
