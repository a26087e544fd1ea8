import {
  attributeDeclarationSchema,
  bindElement,
  builtInAttributes,
  defaultPort,
  elementSchema,
  isBuiltInAttribute,
  type AttributeType,
  type Element,
} from '@parley/elements';
import type { FlowIssue } from './flow-issue-schema';
import { issueAt, isRecord, readAt, type PathSegment } from './flow-path';

type GraphIssues = { errors: FlowIssue[]; warnings: FlowIssue[] };

/**
 * The graph rules zod cannot express, checked on whatever parts of the document are
 * readable (so one bad field does not hide a dangling edge elsewhere):
 * errors: duplicate-id, duplicate-attribute, reserved-attribute, unknown-entry-dialog,
 *   unknown-start-element, dangling-edge, unknown-port, duplicate-port-edge,
 *   undeclared-placeholder, undeclared-attribute;
 * warnings: unreachable-element, placeholder-path-on-scalar.
 */
export function checkFlowGraph(document: unknown): GraphIssues {
  const issues: GraphIssues = { errors: [], warnings: [] };
  const error = (path: PathSegment[], rule: string, message: string): void => {
    issues.errors.push(issueAt(document, path, rule, message));
  };
  const warn = (path: PathSegment[], rule: string, message: string): void => {
    issues.warnings.push(issueAt(document, path, rule, message));
  };
  const flow = readSkeleton(document);

  // Attributes: unique, not built-in. Names of malformed declarations still count as
  // declared, so one typo in a type does not flag every placeholder.
  const declared = new Map<string, AttributeType | undefined>();
  flow.attributes.forEach(({ name, type }, index) => {
    if (name === undefined) return;
    if (isBuiltInAttribute(name)) {
      error(['attributes', index, 'name'], 'reserved-attribute', `"${name}" is a built-in attribute; choose another name.`);
    } else if (declared.has(name)) {
      error(['attributes', index, 'name'], 'duplicate-attribute', `Attribute "${name}" is declared twice.`);
    } else {
      declared.set(name, type);
    }
  });

  // Ids: dialogs, elements and edges are each unique across the whole flow.
  const dialogIds = new Set<string>();
  const elementDialog = new Map<string, string | undefined>();
  const edgeIds = new Set<string>();
  for (const dialog of flow.dialogs) {
    if (dialog.id !== undefined) {
      if (dialogIds.has(dialog.id)) error(['dialogs', dialog.index, 'id'], 'duplicate-id', `Dialog id "${dialog.id}" is used twice.`);
      dialogIds.add(dialog.id);
    }
    for (const element of dialog.elements) {
      if (element.id === undefined) continue;
      if (elementDialog.has(element.id)) {
        error(['dialogs', dialog.index, 'elements', element.index, 'id'], 'duplicate-id', `Element id "${element.id}" is used twice.`);
      } else {
        elementDialog.set(element.id, dialog.id);
      }
    }
    for (const edge of dialog.edges) {
      if (edge.id === undefined) continue;
      if (edgeIds.has(edge.id)) error(['dialogs', dialog.index, 'edges', edge.index, 'id'], 'duplicate-id', `Edge id "${edge.id}" is used twice.`);
      edgeIds.add(edge.id);
    }
  }

  if (flow.entryDialogId !== undefined && flow.dialogs.length > 0 && !dialogIds.has(flow.entryDialogId)) {
    error(['entryDialogId'], 'unknown-entry-dialog', `There is no dialog "${flow.entryDialogId}".`);
  }

  for (const dialog of flow.dialogs) {
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
      error(['dialogs', dialog.index, 'startElementId'], 'unknown-start-element', `This dialog has no element "${start}"${elsewhere(start)}.`);
    }

    const usedPorts = new Set<string>();
    const successors = new Map<string, string[]>();
    for (const edge of dialog.edges) {
      const at = (field?: string): PathSegment[] => ['dialogs', dialog.index, 'edges', edge.index, ...(field === undefined ? [] : [field])];
      const from = edge.from === undefined ? undefined : elementsById.get(edge.from);
      const to = edge.to === undefined ? undefined : elementsById.get(edge.to);
      if (edge.from !== undefined && from === undefined) {
        error(at('from'), 'dangling-edge', `The edge leaves "${edge.from}", which is not an element of this dialog${elsewhere(edge.from)}.`);
      }
      if (edge.to !== undefined && to === undefined) {
        error(at('to'), 'dangling-edge', `The edge enters "${edge.to}", which is not an element of this dialog${elsewhere(edge.to)}.`);
      }
      if (from === undefined || edge.from === undefined) continue;
      const port = edge.port ?? defaultPort;
      if (from.element !== undefined) {
        const ports = bindElement(from.element).ports();
        if (!ports.includes(port)) {
          const has = ports.length === 0 ? 'it has no output ports' : `its ports: ${ports.join(', ')}`;
          error(at('port'), 'unknown-port', `"${edge.from}" has no port "${port}" (${has}).`);
        }
      }
      const portKey = `${edge.from}\u0000${port}`;
      if (usedPorts.has(portKey)) {
        error(at(), 'duplicate-port-edge', `Port "${port}" of "${edge.from}" already has an edge; a port leads to one element.`);
      }
      usedPorts.add(portKey);
      if (to !== undefined && edge.to !== undefined) successors.set(edge.from, [...(successors.get(edge.from) ?? []), edge.to]);
    }

    for (const element of dialog.elements) {
      if (element.element === undefined || !flow.attributesReadable) continue;
      for (const ref of bindElement(element.element).attributeRefs()) {
        const path: PathSegment[] = ['dialogs', dialog.index, 'elements', element.index, ...ref.path];
        if (ref.access === 'write') {
          if (isBuiltInAttribute(ref.name)) {
            error(path, 'reserved-attribute', `"${ref.name}" is maintained by the engine and cannot be written.`);
          } else if (!declared.has(ref.name)) {
            error(path, 'undeclared-attribute', `Attribute "${ref.name}" is not declared; add it to the flow's attributes.`);
          }
          continue;
        }
        const type = declared.get(ref.name) ?? builtInAttributes.find((attribute) => attribute.name === ref.name)?.type;
        if (!declared.has(ref.name) && type === undefined) {
          error(path, 'undeclared-placeholder', `The placeholder {{${ref.name}}} names an undeclared attribute.`);
        } else if (ref.valuePath.length > 0 && type !== undefined && type !== 'json' && type !== 'list') {
          warn(path, 'placeholder-path-on-scalar', `{{${[ref.name, ...ref.valuePath].join('.')}}} walks into "${ref.name}", a ${type} attribute; paths work on json and list attributes.`);
        }
      }
    }

    if (start !== undefined && elementsById.has(start)) {
      const reached = new Set<string>([start]);
      const queue = [start];
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        for (const target of successors.get(next) ?? []) {
          if (!reached.has(target)) {
            reached.add(target);
            queue.push(target);
          }
        }
      }
      for (const element of dialog.elements) {
        if (element.id !== undefined && !reached.has(element.id) && elementsById.get(element.id) === element) {
          warn(['dialogs', dialog.index, 'elements', element.index], 'unreachable-element', `"${element.id}" cannot be reached from the dialog's start element.`);
        }
      }
    }
  }
  return issues;
}

type SkeletonElement = { index: number; id: string | undefined; element: Element | undefined };
type SkeletonEdge = { index: number; id: string | undefined; from: string | undefined; port: string | undefined; to: string | undefined };
type SkeletonDialog = {
  index: number;
  id: string | undefined;
  startElementId: string | undefined;
  elements: SkeletonElement[];
  edges: SkeletonEdge[];
};
type Skeleton = {
  entryDialogId: string | undefined;
  attributesReadable: boolean;
  attributes: { name: string | undefined; type: AttributeType | undefined }[];
  dialogs: SkeletonDialog[];
};

/** The readable parts of a possibly malformed document; unreadable parts are left out. */
function readSkeleton(document: unknown): Skeleton {
  const rawAttributes = readAt(document, ['attributes']);
  return {
    entryDialogId: stringAt(document, ['entryDialogId']),
    attributesReadable: Array.isArray(rawAttributes),
    attributes: arrayAt(document, ['attributes']).map((raw) => {
      const parsed = attributeDeclarationSchema.safeParse(raw);
      return parsed.success ? parsed.data : { name: stringAt(raw, ['name']), type: undefined };
    }),
    dialogs: arrayAt(document, ['dialogs']).flatMap((dialog, index): SkeletonDialog[] =>
      isRecord(dialog)
        ? [
            {
              index,
              id: stringAt(dialog, ['id']),
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
    ),
  };
}

function stringAt(value: unknown, path: readonly PathSegment[]): string | undefined {
  const found = readAt(value, path);
  return typeof found === 'string' ? found : undefined;
}

function arrayAt(value: unknown, path: readonly PathSegment[]): unknown[] {
  const found = readAt(value, path);
  return Array.isArray(found) ? found : [];
}
