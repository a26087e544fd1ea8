import {
  attributeDeclarationSchema,
  bindElement,
  botFallbackSchema,
  builtInAttributes,
  coerceAttributeValue,
  defaultPort,
  elementSchema,
  isBuiltInAttribute,
  isInboundAttribute,
  placeholderRefs,
  type AttributeDeclaration,
  type AttributeRef,
  type AttributeType,
  type BotFallback,
  type ComponentSummary,
  type Element,
  type ElementIssue,
  type ElementScope,
  type ValidationContext,
} from '@parley/elements';
import type { FlowIssue } from './flow-issue-schema';
import { issueAt, isRecord, parsePath, readAt, type PathSegment } from './flow-path';
import { declarationsOf } from './turn';

type GraphIssues = { errors: FlowIssue[]; warnings: FlowIssue[] };
type Report = (path: PathSegment[], rule: string, message: string) => void;

/**
 * The graph rules zod cannot express, checked on whatever parts of the document are
 * readable (so one bad field does not hide a dangling edge elsewhere), in the bot and in
 * each component (`components[i]`, with its own attributes and dialogs):
 * errors: duplicate-id, duplicate-attribute, reserved-attribute, invalid-default,
 *   unknown-entry-dialog, unknown-default-dialog, unknown-session-expire-dialog,
 *   unknown-start-element, dangling-edge, unknown-port, duplicate-port-edge,
 *   undeclared-placeholder, undeclared-attribute, unknown-dialog, too-many-per-dialog,
 *   recursive-component, plus the elements' own rules (ElementDefinition.validate);
 * warnings: unreachable-element, unreachable-dialog, placeholder-path-on-scalar, and
 *   elements' warnings.
 */
export function checkFlowGraph(document: unknown): GraphIssues {
  const issues: GraphIssues = { errors: [], warnings: [] };
  const seen = new Set<string>();
  const add = (list: FlowIssue[], path: PathSegment[], rule: string, message: string): void => {
    const issue = issueAt(document, path, rule, message);
    const key = `${issue.path}\u0000${rule}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push(issue);
  };
  const error: Report = (path, rule, message) => add(issues.errors, path, rule, message);
  const warn: Report = (path, rule, message) => add(issues.warnings, path, rule, message);

  const flow = readSkeleton(document);
  const components = flow.components.flatMap((component): ComponentSummary[] =>
    component.id === undefined ? [] : [{ id: component.id, name: component.name ?? component.id, inputs: component.inputs, outputs: component.outputs }],
  );

  // The bot's own scope.
  const botScope = checkScope(
    {
      prefix: [],
      scope: { kind: 'bot' },
      entryDialogId: flow.entryDialogId,
      attributeLists: [{ field: 'attributes', readable: flow.attributesReadable, items: flow.attributes }],
      dialogs: flow.dialogs,
      extraRoots: [flow.defaultDialogId, flow.sessionExpireDialogId, flow.fallbackDialogId],
    },
    components,
    error,
    warn,
  );
  const known = new Set<string>();

  if (flow.defaultDialogId !== undefined && !botScope.dialogIds.has(flow.defaultDialogId)) {
    error(['defaultDialogId'], 'unknown-default-dialog', `There is no dialog "${flow.defaultDialogId}".`);
  }
  if (flow.sessionExpireDialogId !== undefined && !botScope.dialogIds.has(flow.sessionExpireDialogId)) {
    error(['sessionExpireDialogId'], 'unknown-session-expire-dialog', `There is no dialog "${flow.sessionExpireDialogId}".`);
  }
  if (flow.fallback !== undefined) {
    if (flow.fallbackDialogId !== undefined && !botScope.dialogIds.has(flow.fallbackDialogId)) {
      error(['settings', 'fallback', 'action', 'dialogId'], 'unknown-dialog', `There is no dialog "${flow.fallbackDialogId}".`);
    }
    const message = flow.fallback.message;
    const refs = message === undefined ? [] : [
      ...placeholderRefs(message.text, ['message', 'text']),
      ...(message.variations ?? []).flatMap((variation, index) => placeholderRefs(variation, ['message', 'variations', index])),
    ];
    checkRefs(refs, ['settings', 'fallback'], botScope.declared, flow.attributesReadable, error, warn);
  }

  // Components: ids unique, each checked as its own scope.
  flow.components.forEach((component) => {
    const prefix: PathSegment[] = ['components', component.index];
    if (component.id !== undefined) {
      if (known.has(component.id)) error([...prefix, 'id'], 'duplicate-id', `Component id "${component.id}" is used twice.`);
      known.add(component.id);
    }
    checkScope(
      {
        prefix,
        scope: { kind: 'component', componentId: component.id ?? '' },
        entryDialogId: component.entryDialogId,
        attributeLists: [
          { field: 'inputs', readable: true, items: component.rawInputs },
          { field: 'outputs', readable: true, items: component.rawOutputs },
          { field: 'attributes', readable: true, items: component.rawAttributes },
        ],
        dialogs: component.dialogs,
        extraRoots: [],
      },
      components,
      error,
      warn,
    );
  });
  checkComponentRecursion(flow, error);
  return issues;
}

// ---------------------------------------------------------------- one scope

type ScopeInput = {
  prefix: PathSegment[];
  scope: ElementScope;
  entryDialogId: string | undefined;
  attributeLists: { field: string; readable: boolean; items: SkeletonAttribute[] }[];
  dialogs: SkeletonDialog[];
  /** Dialogs that are entered without a goto (default, expire, fallback targets). */
  extraRoots: (string | undefined)[];
};

/** Checks a scope's attributes, dialogs and elements; returns what flow-level rules need. */
function checkScope(
  input: ScopeInput,
  components: readonly ComponentSummary[],
  error: Report,
  warn: Report,
): { dialogIds: Set<string>; declared: Map<string, AttributeType | undefined> } {
  const { prefix } = input;
  // Attributes: unique, not built-in, defaults fit their type. Names of malformed
  // declarations still count as declared, so one typo in a type does not flag every use.
  const declared = new Map<string, AttributeType | undefined>();
  const parsed: AttributeDeclaration[] = [];
  for (const list of input.attributeLists) {
    for (const attribute of list.items) {
      const path: PathSegment[] = [...prefix, list.field, attribute.index];
      const name = attribute.name;
      if (name === undefined) continue;
      if (isBuiltInAttribute(name)) {
        error([...path, 'name'], 'reserved-attribute', `"${name}" is a built-in attribute; choose another name.`);
        continue;
      }
      if (declared.has(name)) {
        error([...path, 'name'], 'duplicate-attribute', `Attribute "${name}" is declared twice.`);
        continue;
      }
      declared.set(name, attribute.declaration?.type);
      const declaration = attribute.declaration;
      if (declaration === undefined) continue;
      parsed.push(declaration);
      if (declaration.defaultValue !== undefined) {
        const coerced = coerceAttributeValue(declaration.type, declaration.defaultValue);
        if (!coerced.ok) error([...path, 'defaultValue'], 'invalid-default', `The default value is not a valid ${declaration.type}: ${coerced.message}`);
      }
    }
  }
  const attributesReadable = input.attributeLists.every((list) => list.readable);

  // Ids: dialogs, elements and edges are each unique across the scope.
  const dialogIds = new Set<string>();
  const elementDialog = new Map<string, string | undefined>();
  const edgeIds = new Set<string>();
  for (const dialog of input.dialogs) {
    const at = (...rest: PathSegment[]): PathSegment[] => [...prefix, 'dialogs', dialog.index, ...rest];
    if (dialog.id !== undefined) {
      if (dialogIds.has(dialog.id)) error(at('id'), 'duplicate-id', `Dialog id "${dialog.id}" is used twice.`);
      dialogIds.add(dialog.id);
    }
    for (const element of dialog.elements) {
      if (element.id === undefined) continue;
      if (elementDialog.has(element.id)) {
        error(at('elements', element.index, 'id'), 'duplicate-id', `Element id "${element.id}" is used twice.`);
      } else {
        elementDialog.set(element.id, dialog.id);
      }
    }
    for (const edge of dialog.edges) {
      if (edge.id === undefined) continue;
      if (edgeIds.has(edge.id)) error(at('edges', edge.index, 'id'), 'duplicate-id', `Edge id "${edge.id}" is used twice.`);
      edgeIds.add(edge.id);
    }
  }

  if (input.entryDialogId !== undefined && input.dialogs.length > 0 && !dialogIds.has(input.entryDialogId)) {
    error([...prefix, 'entryDialogId'], 'unknown-entry-dialog', `There is no dialog "${input.entryDialogId}".`);
  }

  const context: ValidationContext = {
    declarations: declarationsOf(parsed),
    dialogs: input.dialogs.flatMap((dialog) => (dialog.id === undefined ? [] : [{ id: dialog.id, name: dialog.name ?? dialog.id }])),
    components,
    isInbound: isInboundAttribute,
    scope: input.scope,
  };
  const dialogLinks = new Map<string, Set<string>>();

  for (const dialog of input.dialogs) {
    const at = (...rest: PathSegment[]): PathSegment[] => [...prefix, 'dialogs', dialog.index, ...rest];
    const elementsById = new Map<string, SkeletonElement>();
    for (const element of dialog.elements) {
      if (element.id !== undefined && !elementsById.has(element.id)) elementsById.set(element.id, element);
    }
    const elsewhere = (id: string): string => {
      const other = elementDialog.get(id);
      return other !== undefined && other !== dialog.id ? ` (it is in dialog "${other}"; edges cannot leave their dialog)` : '';
    };

    const start = dialog.startElementId;
    if (start !== undefined && !elementsById.has(start)) {
      error(at('startElementId'), 'unknown-start-element', `This dialog has no element "${start}"${elsewhere(start)}.`);
    }

    const usedPorts = new Set<string>();
    const successors = new Map<string, string[]>();
    for (const edge of dialog.edges) {
      const edgeAt = (field?: string): PathSegment[] => at('edges', edge.index, ...(field === undefined ? [] : [field]));
      const from = edge.from === undefined ? undefined : elementsById.get(edge.from);
      const to = edge.to === undefined ? undefined : elementsById.get(edge.to);
      if (edge.from !== undefined && from === undefined) {
        error(edgeAt('from'), 'dangling-edge', `The edge leaves "${edge.from}", which is not an element of this dialog${elsewhere(edge.from)}.`);
      }
      if (edge.to !== undefined && to === undefined) {
        error(edgeAt('to'), 'dangling-edge', `The edge enters "${edge.to}", which is not an element of this dialog${elsewhere(edge.to)}.`);
      }
      if (from === undefined || edge.from === undefined) continue;
      const port = edge.port ?? defaultPort;
      if (from.element !== undefined) {
        const ports = bindElement(from.element).ports();
        if (!ports.includes(port)) {
          const has = ports.length === 0 ? 'it has no output ports' : `its ports: ${ports.join(', ')}`;
          error(edgeAt('port'), 'unknown-port', `"${edge.from}" has no port "${port}" (${has}).`);
        }
      }
      const portKey = `${edge.from}\u0000${port}`;
      if (usedPorts.has(portKey)) {
        error(edgeAt(), 'duplicate-port-edge', `Port "${port}" of "${edge.from}" already has an edge; a port leads to one element.`);
      }
      usedPorts.add(portKey);
      if (to !== undefined && edge.to !== undefined) successors.set(edge.from, [...(successors.get(edge.from) ?? []), edge.to]);
    }

    const perType = new Map<string, number>();
    const links = new Set<string>();
    for (const element of dialog.elements) {
      const parsedElement = element.element;
      if (parsedElement === undefined) continue;
      const elementAt = (...rest: PathSegment[]): PathSegment[] => at('elements', element.index, ...rest);
      const bound = bindElement(parsedElement);

      const count = (perType.get(parsedElement.type) ?? 0) + 1;
      perType.set(parsedElement.type, count);
      if (bound.maxPerDialog !== undefined && count > bound.maxPerDialog) {
        const limit = bound.maxPerDialog === 1 ? `one ${bound.title} element` : `${bound.maxPerDialog} ${bound.title} elements`;
        error(elementAt(), 'too-many-per-dialog', `At most ${limit} per dialog.`);
      }

      if (attributesReadable) checkRefs(bound.attributeRefs(), elementAt(), declared, true, error, warn);

      for (const issue of elementIssues(bound.validate.bind(bound), context)) {
        (issue.severity === 'warning' ? warn : error)(elementAt(...parsePath(issue.field)), issue.rule, issue.message);
      }

      for (const ref of dialogRefs(parsedElement)) {
        links.add(ref.dialogId);
        if (!dialogIds.has(ref.dialogId)) error(elementAt(...ref.path), 'unknown-dialog', `There is no dialog "${ref.dialogId}".`);
      }
    }
    if (dialog.id !== undefined) dialogLinks.set(dialog.id, links);

    if (start !== undefined && elementsById.has(start)) {
      const reached = walk([start], (id) => successors.get(id) ?? []);
      for (const element of dialog.elements) {
        if (element.id !== undefined && !reached.has(element.id) && elementsById.get(element.id) === element) {
          warn(at('elements', element.index), 'unreachable-element', `"${element.id}" cannot be reached from the dialog's start element.`);
        }
      }
    }
  }

  // Dialogs no path leads to: not an entry (or special) dialog, and no goto/fallback names them.
  const roots = [input.entryDialogId, ...input.extraRoots].filter((id): id is string => id !== undefined && dialogIds.has(id));
  if (roots.length > 0) {
    const reached = walk(roots, (id) => [...(dialogLinks.get(id) ?? [])]);
    for (const dialog of input.dialogs) {
      if (dialog.id !== undefined && !reached.has(dialog.id)) {
        warn([...prefix, 'dialogs', dialog.index], 'unreachable-dialog', `Dialog "${dialog.id}" is never entered: no To Dialog or fallback leads to it.`);
      }
    }
  }
  return { dialogIds, declared };
}

/** Undeclared attributes, writes to inbound ones, paths into scalars. */
function checkRefs(
  refs: readonly AttributeRef[],
  at: PathSegment[],
  declared: ReadonlyMap<string, AttributeType | undefined>,
  attributesReadable: boolean,
  error: Report,
  warn: Report,
): void {
  if (!attributesReadable) return;
  for (const ref of refs) {
    const path: PathSegment[] = [...at, ...ref.path];
    if (ref.access === 'write') {
      if (isBuiltInAttribute(ref.name)) {
        error(path, 'reserved-attribute', `"${ref.name}" is maintained by the engine and cannot be written.`);
      } else if (!declared.has(ref.name)) {
        error(path, 'undeclared-attribute', `Attribute "${ref.name}" is not declared; add it to the attributes.`);
      }
      continue;
    }
    const type = declared.get(ref.name) ?? builtInAttributes.find((attribute) => attribute.name === ref.name)?.type;
    if (!declared.has(ref.name) && type === undefined) {
      if (ref.via === 'field') error(path, 'undeclared-attribute', `Attribute "${ref.name}" is not declared; add it to the attributes.`);
      else error(path, 'undeclared-placeholder', `The placeholder {{${ref.name}}} names an undeclared attribute.`);
    } else if (ref.valuePath.length > 0 && type !== undefined && type !== 'json' && type !== 'list') {
      warn(path, 'placeholder-path-on-scalar', `{{${[ref.name, ...ref.valuePath].join('.')}}} walks into "${ref.name}", a ${type} attribute; paths work on json and list attributes.`);
    }
  }
}

/** An element's own issues; a hook that throws becomes one 'internal-error' issue. */
function elementIssues(validate: (context: ValidationContext) => readonly ElementIssue[], context: ValidationContext): readonly ElementIssue[] {
  try {
    return validate(context);
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    return [{ field: '', rule: 'internal-error', message: `The element could not be checked: ${message}` }];
  }
}

/**
 * Dialog references of an element: every string field named `dialogId`, at any depth of
 * its config (To Dialog's target, fallback actions ...). Used for 'unknown-dialog' and
 * for dialog reachability.
 */
function dialogRefs(element: Element): { dialogId: string; path: PathSegment[] }[] {
  const found: { dialogId: string; path: PathSegment[] }[] = [];
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'dialogId' && typeof child === 'string') found.push({ dialogId: child, path: [...path, key] });
        else visit(child, [...path, key]);
      }
    }
  };
  visit(element, []);
  return found;
}

function walk(roots: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const reached = new Set<string>(roots);
  const queue = [...roots];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const target of next(id)) {
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return reached;
}

/** A Component element inside a component that (directly or not) includes that component again. */
function checkComponentRecursion(flow: Skeleton, error: Report): void {
  const uses = new Map<string, Set<string>>();
  for (const component of flow.components) {
    if (component.id === undefined) continue;
    const targets = new Set<string>();
    for (const dialog of component.dialogs) for (const element of dialog.elements) if (element.element?.type === 'component') targets.add(element.element.componentId);
    uses.set(component.id, targets);
  }
  for (const component of flow.components) {
    if (component.id === undefined) continue;
    const owner = component.id;
    for (const dialog of component.dialogs) {
      for (const element of dialog.elements) {
        if (element.element?.type !== 'component') continue;
        const reached = walk([element.element.componentId], (id) => [...(uses.get(id) ?? [])]);
        if (reached.has(owner)) {
          error(
            ['components', component.index, 'dialogs', dialog.index, 'elements', element.index, 'componentId'],
            'recursive-component',
            `Component "${element.element.componentId}" leads back to "${owner}"; components cannot include themselves.`,
          );
        }
      }
    }
  }
}

// ---------------------------------------------------------------- skeleton

type SkeletonAttribute = { index: number; name: string | undefined; declaration: AttributeDeclaration | undefined };
type SkeletonElement = { index: number; id: string | undefined; element: Element | undefined };
type SkeletonEdge = { index: number; id: string | undefined; from: string | undefined; port: string | undefined; to: string | undefined };
type SkeletonDialog = {
  index: number;
  id: string | undefined;
  name: string | undefined;
  startElementId: string | undefined;
  elements: SkeletonElement[];
  edges: SkeletonEdge[];
};
type SkeletonComponent = {
  index: number;
  id: string | undefined;
  name: string | undefined;
  entryDialogId: string | undefined;
  inputs: AttributeDeclaration[];
  outputs: AttributeDeclaration[];
  rawInputs: SkeletonAttribute[];
  rawOutputs: SkeletonAttribute[];
  rawAttributes: SkeletonAttribute[];
  dialogs: SkeletonDialog[];
};
type Skeleton = {
  entryDialogId: string | undefined;
  defaultDialogId: string | undefined;
  sessionExpireDialogId: string | undefined;
  fallback: BotFallback | undefined;
  fallbackDialogId: string | undefined;
  attributesReadable: boolean;
  attributes: SkeletonAttribute[];
  dialogs: SkeletonDialog[];
  components: SkeletonComponent[];
};

/** The readable parts of a possibly malformed document; unreadable parts are left out. */
function readSkeleton(document: unknown): Skeleton {
  const rawAttributes = readAt(document, ['attributes']);
  const fallback = botFallbackSchema.safeParse(readAt(document, ['settings', 'fallback']));
  const fallbackAction = fallback.success ? fallback.data.action : undefined;
  return {
    entryDialogId: stringAt(document, ['entryDialogId']),
    defaultDialogId: stringAt(document, ['defaultDialogId']),
    sessionExpireDialogId: stringAt(document, ['sessionExpireDialogId']),
    fallback: fallback.success ? fallback.data : undefined,
    fallbackDialogId: fallbackAction?.type === 'dialog' ? fallbackAction.dialogId : undefined,
    attributesReadable: Array.isArray(rawAttributes),
    attributes: readAttributes(document, 'attributes'),
    dialogs: readDialogs(document),
    components: arrayAt(document, ['components']).flatMap((component, index): SkeletonComponent[] => {
      if (!isRecord(component)) return [];
      const rawInputs = readAttributes(component, 'inputs');
      const rawOutputs = readAttributes(component, 'outputs');
      return [
        {
          index,
          id: stringAt(component, ['id']),
          name: stringAt(component, ['name']),
          entryDialogId: stringAt(component, ['entryDialogId']),
          inputs: rawInputs.flatMap((attribute) => (attribute.declaration === undefined ? [] : [attribute.declaration])),
          outputs: rawOutputs.flatMap((attribute) => (attribute.declaration === undefined ? [] : [attribute.declaration])),
          rawInputs,
          rawOutputs,
          rawAttributes: readAttributes(component, 'attributes'),
          dialogs: readDialogs(component),
        },
      ];
    }),
  };
}

function readAttributes(container: unknown, field: string): SkeletonAttribute[] {
  return arrayAt(container, [field]).map((raw, index) => {
    const parsed = attributeDeclarationSchema.safeParse(raw);
    return parsed.success ? { index, name: parsed.data.name, declaration: parsed.data } : { index, name: stringAt(raw, ['name']), declaration: undefined };
  });
}

function readDialogs(container: unknown): SkeletonDialog[] {
  return arrayAt(container, ['dialogs']).flatMap((dialog, index): SkeletonDialog[] =>
    isRecord(dialog)
      ? [
          {
            index,
            id: stringAt(dialog, ['id']),
            name: stringAt(dialog, ['name']),
            startElementId: stringAt(dialog, ['startElementId']),
            elements: arrayAt(dialog, ['elements']).map((raw, elementIndex) => {
              const parsed = elementSchema.safeParse(raw);
              return { index: elementIndex, id: stringAt(raw, ['id']), element: parsed.success ? parsed.data : undefined };
            }),
            edges: arrayAt(dialog, ['edges']).map((raw, edgeIndex) => ({
              index: edgeIndex,
              id: stringAt(raw, ['id']),
              from: stringAt(raw, ['from']),
              port: stringAt(raw, ['port']),
              to: stringAt(raw, ['to']),
            })),
          },
        ]
      : [],
  );
}

function stringAt(value: unknown, path: readonly PathSegment[]): string | undefined {
  const found = readAt(value, path);
  return typeof found === 'string' ? found : undefined;
}

function arrayAt(value: unknown, path: readonly PathSegment[]): unknown[] {
  const found = readAt(value, path);
  return Array.isArray(found) ? found : [];
}
