/** One element of a flow document, located the way validateFlow locates issues. */
export type FlowElement = {
  element: Record<string, unknown>;
  /** Its path from the document root, e.g. 'components[1].dialogs[0].elements[2]'. */
  path: string;
  /** The component whose dialogs hold it; undefined in the bot's own dialogs. */
  scopeComponentId: string | undefined;
  dialogId: string | undefined;
  elementId: string | undefined;
};

/**
 * The elements in the dialogs of `container` (a bot flow or one component document),
 * read defensively: malformed parts are skipped, never thrown on. Paths start with `prefix`.
 */
export function elementsIn(container: unknown, prefix = '', scopeComponentId: string | undefined = undefined): FlowElement[] {
  const dialogs = isRecord(container) && Array.isArray(container['dialogs']) ? container['dialogs'] : [];
  return dialogs.flatMap((dialog: unknown, dialogIndex) => {
    const elements = isRecord(dialog) && Array.isArray(dialog['elements']) ? dialog['elements'] : [];
    return elements.flatMap((element: unknown, elementIndex): FlowElement[] =>
      isRecord(element)
        ? [
            {
              element,
              path: `${prefix}dialogs[${dialogIndex}].elements[${elementIndex}]`,
              scopeComponentId,
              dialogId: stringField(dialog, 'id'),
              elementId: stringField(element, 'id'),
            },
          ]
        : [],
    );
  });
}

/** Every element of a flow: in the bot's dialogs, then in the dialogs of each of its `components`. */
export function flowElements(flow: unknown): FlowElement[] {
  const components = isRecord(flow) && Array.isArray(flow['components']) ? flow['components'] : [];
  return [
    ...elementsIn(flow),
    ...components.flatMap((component: unknown, index) => elementsIn(component, `components[${index}].`, stringField(component, 'id'))),
  ];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(value: unknown, field: string): string | undefined {
  const found = isRecord(value) ? value[field] : undefined;
  return typeof found === 'string' ? found : undefined;
}
