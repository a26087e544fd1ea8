/**
 * What a component attribute is for: an `input` the caller fills, an `output` copied back
 * to the caller when the component ends, or a `working` attribute of the component's own
 * (the document's `inputs`, `outputs` and `attributes`).
 */
export type AttributeRole = 'input' | 'output' | 'working';

export const attributeRoles: readonly AttributeRole[] = ['input', 'output', 'working'];

export const attributeRoleLabels: Record<AttributeRole, string> = { input: 'Input', output: 'Output', working: 'Working' };

/** Roles by attribute name; a name without an entry is `working`. */
export type AttributeRoles = Readonly<Record<string, AttributeRole>>;

export function roleOf(roles: AttributeRoles, name: string): AttributeRole {
  return Object.hasOwn(roles, name) ? (roles[name] ?? 'working') : 'working';
}
