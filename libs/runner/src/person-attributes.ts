import type { Flow } from '@parley/engine';
import type { AttributeValue } from '@parley/elements';

/**
 * Person-scoped attributes outlive sessions: they are stored on the end user's
 * person profile (Person.attributes, by name) and handed to the engine when a new
 * session starts. Session-scoped attributes never leave the session.
 */
export function personScopedNames(flow: Flow): Set<string> {
  return new Set(flow.attributes.filter((declaration) => declaration.scope === 'person').map((declaration) => declaration.name));
}

/** The values of a stored Person.attributes object that can be attribute values (anything JSON). */
export function rememberedValues(stored: unknown): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return values;
  for (const [name, value] of Object.entries(stored)) {
    if (isJsonValue(value)) values[name] = value;
  }
  return values;
}

function isJsonValue(value: unknown): value is AttributeValue {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint';
}
