import type { EditorAttribute } from '../../bot-editor/document/editor-flow';
import type { AttributeRole } from './attribute-role';

/** What the attributes manager needs to show and change each attribute's role in a component. */
export type AttributeRolesEditor = {
  of(name: string): AttributeRole;
  set(name: string, role: AttributeRole): void;
  /** An attribute was renamed: it keeps its role under the new name. */
  renamed(from: string, to: string): void;
  /**
   * The attributes as the document keeps them after a role change (inputs, outputs, then
   * working attributes): always a new array, so the change is an edit (saved, checked,
   * one undo step for the order; the role itself is not undone).
   */
  arrange(attributes: readonly EditorAttribute[]): EditorAttribute[];
};
