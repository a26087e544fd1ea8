import type { FlowIssue } from '@parley/engine';

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
  return referencesIn(container, '', undefined).map((reference) => reference.target);
}

/** Every Component element of a flow: in the bot's dialogs, then in each of `components`. */
export function componentReferences(flow: unknown): ComponentReference[] {
  const components = isRecord(flow) && Array.isArray(flow['components']) ? flow['components'] : [];
  return [
    ...referencesIn(flow, '', undefined),
    ...components.flatMap((component: unknown, index) => referencesIn(component, `components[${index}].`, stringField(component, 'id'))),
  ];
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

function referencesIn(container: unknown, prefix: string, scopeComponentId: string | undefined): ComponentReference[] {
  const dialogs = isRecord(container) && Array.isArray(container['dialogs']) ? container['dialogs'] : [];
  return dialogs.flatMap((dialog: unknown, dialogIndex) => {
    const elements = isRecord(dialog) && Array.isArray(dialog['elements']) ? dialog['elements'] : [];
    return elements.flatMap((element: unknown, elementIndex): ComponentReference[] => {
      if (!isRecord(element) || element['type'] !== 'component') return [];
      const target = element['componentId'];
      if (typeof target !== 'string') return [];
      return [
        {
          path: `${prefix}dialogs[${dialogIndex}].elements[${elementIndex}].componentId`,
          scopeComponentId,
          dialogId: stringField(dialog, 'id'),
          elementId: stringField(element, 'id'),
          target,
        },
      ];
    });
  });
}

function stringField(value: unknown, field: string): string | undefined {
  const found = isRecord(value) ? value[field] : undefined;
  return typeof found === 'string' ? found : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
