import type { FlowIssue } from '@parley/engine';
import { elementsIn, flowElements, type FlowElement } from './flow-elements';

/** A Component element of a flow document, located the way validateFlow locates issues. */
export type ComponentReference = {
  /** Path of its `componentId` field from the document root, e.g. 'components[1].dialogs[0].elements[2].componentId'. */
  path: string;
  /** The component whose dialogs hold the element; undefined in the bot's own dialogs. */
  scopeComponentId: string | undefined;
  dialogId: string | undefined;
  elementId: string | undefined;
  /** The component the element runs. */
  target: string;
};

/**
 * Every Component element (`type: 'component'` with a string `componentId`) in the
 * dialogs of `container` (a bot flow or one component document), read defensively:
 * malformed parts are skipped, never thrown on.
 */
export function referencedComponentIds(container: unknown): string[] {
  return referencesOf(elementsIn(container)).map((reference) => reference.target);
}

/** Every Component element of a flow: in the bot's dialogs, then in each of `components`. */
export function componentReferences(flow: unknown): ComponentReference[] {
  return referencesOf(flowElements(flow));
}

/** The issue for a Component element: at its `componentId` field, with the ids validateFlow would give it. */
export function referenceIssue(reference: ComponentReference, rule: string, message: string): FlowIssue {
  return {
    path: reference.path,
    ...(reference.scopeComponentId === undefined ? {} : { componentId: reference.scopeComponentId }),
    ...(reference.dialogId === undefined ? {} : { dialogId: reference.dialogId }),
    ...(reference.elementId === undefined ? {} : { elementId: reference.elementId }),
    field: 'componentId',
    rule,
    message,
  };
}

function referencesOf(elements: readonly FlowElement[]): ComponentReference[] {
  return elements.flatMap(({ element, path, scopeComponentId, dialogId, elementId }): ComponentReference[] => {
    const target = element['componentId'];
    if (element['type'] !== 'component' || typeof target !== 'string') return [];
    return [{ path: `${path}.componentId`, scopeComponentId, dialogId, elementId, target }];
  });
}

export { isRecord } from './flow-elements';
