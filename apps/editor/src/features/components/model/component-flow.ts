import type { EditorAttribute, EditorFlow } from '../../bot-editor/document/editor-flow';
import { isEditableFlow } from '../../bot-editor/document/is-editable-flow';
import { roleOf, type AttributeRole, type AttributeRoles } from './attribute-role';
import type { EditorComponentDocument } from './component-document';

/** A component document as the editor's stores hold it: a flow, and each attribute's role beside it. */
export type ComponentFlow = { flow: EditorFlow; roles: AttributeRoles };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The flow the editor edits for a component document: `attributes` are its inputs, then
 * its outputs, then its working attributes (each list in its order), with `roles` saying
 * which is which; dialogs and the entry dialog as they are. Null when the value lacks
 * the shape the editor can open (the API's component draft shape).
 */
export function componentToEditorFlow(document: unknown): ComponentFlow | null {
  if (!isRecord(document) || typeof document['name'] !== 'string') return null;
  const lists: [AttributeRole, unknown][] = [
    ['input', document['inputs']],
    ['output', document['outputs']],
    ['working', document['attributes']],
  ];
  const roles: Record<string, AttributeRole> = {};
  const attributes: unknown[] = [];
  for (const [role, list] of lists) {
    if (!Array.isArray(list)) return null;
    for (const attribute of list) {
      if (isRecord(attribute) && typeof attribute['name'] === 'string' && !Object.hasOwn(roles, attribute['name'])) roles[attribute['name']] = role;
      attributes.push(attribute);
    }
  }
  const flow = { version: 1, attributes, entryDialogId: document['entryDialogId'], dialogs: document['dialogs'] };
  return isEditableFlow(flow) ? { flow, roles } : null;
}

/** Where each of the document's inputs, outputs and working attributes sits in `flow.attributes`. */
export type AttributePlaces = Record<AttributeRole, number[]>;

/** The indices of `flow.attributes` by role, each in flow order. */
export function attributePlaces(attributes: readonly EditorAttribute[], roles: AttributeRoles): AttributePlaces {
  const places: AttributePlaces = { input: [], output: [], working: [] };
  attributes.forEach((attribute, index) => places[roleOf(roles, attribute.name)].push(index));
  return places;
}

/**
 * The component document for the edited flow: inputs, outputs and working attributes
 * taken from `flow.attributes` by role (each keeping the flow's order and every field,
 * defaults included), `name` as given, entry dialog and dialogs as edited. The inverse of
 * componentToEditorFlow when the flow's attributes are grouped by role.
 */
export function editorFlowToComponent(flow: EditorFlow, roles: AttributeRoles, name: string): EditorComponentDocument {
  const places = attributePlaces(flow.attributes, roles);
  const pick = (role: AttributeRole) => places[role].flatMap((index) => flow.attributes[index] ?? []);
  return { name, inputs: pick('input'), outputs: pick('output'), attributes: pick('working'), entryDialogId: flow.entryDialogId, dialogs: flow.dialogs };
}

/** `attributes` grouped by role (inputs, outputs, working), each group in its current order. */
export function groupByRole(attributes: readonly EditorAttribute[], roles: AttributeRoles): EditorAttribute[] {
  const places = attributePlaces(attributes, roles);
  return [...places.input, ...places.output, ...places.working].flatMap((index) => attributes[index] ?? []);
}
