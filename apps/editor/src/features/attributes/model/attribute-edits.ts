import type { EditorAttribute, EditorFlow } from '../../bot-editor/document/editor-flow';
import { renameAttribute } from './rename-attribute';

/** What the attribute form sets: the (new) name, type, scope and default value (undefined: none). */
export type AttributeChanges = Pick<EditorAttribute, 'name' | 'type' | 'scope' | 'defaultValue'>;

function declaration(changes: AttributeChanges): EditorAttribute {
  const { defaultValue, ...rest } = changes;
  return defaultValue === undefined ? rest : { ...rest, defaultValue };
}

/** The flow with a new attribute declared last. The caller checks the name first (attributeNameProblem). */
export function addAttribute(flow: EditorFlow, changes: AttributeChanges): EditorFlow {
  return { ...flow, attributes: [...flow.attributes, declaration(changes)] };
}

/**
 * The flow with attribute `name` changed: renamed everywhere it is used when the name
 * changes (renameAttribute), with its type, scope and default set, in place. One pure
 * edit, so the editor records it as one undo step. The same flow when nothing changes
 * or `name` is not declared.
 */
export function updateAttribute(flow: EditorFlow, name: string, changes: AttributeChanges): EditorFlow {
  const current = flow.attributes.find((attribute) => attribute.name === name);
  if (!current) return flow;
  const next = declaration(changes);
  const unchanged = next.name === current.name && next.type === current.type && next.scope === current.scope && JSON.stringify(next.defaultValue) === JSON.stringify(current.defaultValue);
  if (unchanged) return flow;
  const renamed = renameAttribute(flow, name, changes.name);
  return { ...renamed, attributes: renamed.attributes.map((attribute) => (attribute.name === changes.name ? next : attribute)) };
}

/** The flow without the declaration of `name` (its uses are the caller's to check: attributeUses). */
export function removeAttribute(flow: EditorFlow, name: string): EditorFlow {
  const attributes = flow.attributes.filter((attribute) => attribute.name !== name);
  return attributes.length === flow.attributes.length ? flow : { ...flow, attributes };
}
