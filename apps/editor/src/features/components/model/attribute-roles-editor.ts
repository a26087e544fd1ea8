import type { AttributeRole } from './attribute-role';

/** What the attributes manager needs to show and change each attribute's role in a component. */
export type AttributeRolesEditor = {
  of(name: string): AttributeRole;
  set(name: string, role: AttributeRole): void;
  /** An attribute was renamed: it keeps its role under the new name. */
  renamed(from: string, to: string): void;
};
