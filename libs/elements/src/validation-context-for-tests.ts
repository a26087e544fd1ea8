import type { AttributeDeclaration, AttributeType } from './attribute-declaration-schema';
import { builtInAttributes, isInboundAttribute } from './attribute-declaration-schema';
import type { ValidationContext } from './validation-context';

/** Session-scoped declarations from `{ name: type }`, plus the built-ins (tests only). */
export function declarationsForTests(types: Record<string, AttributeType>): Record<string, AttributeDeclaration> {
  const table: Record<string, AttributeDeclaration> = {};
  for (const declaration of builtInAttributes) table[declaration.name] = declaration;
  for (const [name, type] of Object.entries(types)) table[name] = { name, type, scope: 'session' };
  return table;
}

/** A ValidationContext for unit tests: bot scope, nothing declared, no dialogs or components. */
export function validationContext(overrides: Partial<ValidationContext> = {}): ValidationContext {
  return { declarations: declarationsForTests({}), dialogs: [], components: [], isInbound: isInboundAttribute, scope: { kind: 'bot' }, ...overrides };
}
