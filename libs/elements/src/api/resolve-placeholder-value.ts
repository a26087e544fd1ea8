import type { AttributeValue } from '../attribute-values-schema';
import type { Placeholder } from '../find-placeholders';

/**
 * The typed value a placeholder points at (the same walk as renderTemplate: objects by
 * own key, arrays by numeric index, JSON kept as text parsed on the way), or undefined
 * when the attribute or path is missing. Pure and total.
 */
export function resolvePlaceholderValue(
  placeholder: Pick<Placeholder, 'name' | 'path'>,
  attributes: Readonly<Record<string, AttributeValue>>,
): AttributeValue | undefined {
  let current: AttributeValue | undefined = Object.hasOwn(attributes, placeholder.name) ? attributes[placeholder.name] : undefined;
  for (const segment of placeholder.path) {
    if (typeof current === 'string') current = parseJsonContainer(current);
    current = childOf(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

/** The member `segment` of an object (own key) or array (numeric index); undefined otherwise. */
export function childOf(value: AttributeValue | undefined, segment: string): AttributeValue | undefined {
  if (Array.isArray(value)) return /^\d+$/.test(segment) ? value[Number(segment)] : undefined;
  if (typeof value === 'object' && value !== null) return Object.hasOwn(value, segment) ? value[segment] : undefined;
  return undefined;
}

function parseJsonContainer(text: string): AttributeValue | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    const parsed: AttributeValue = JSON.parse(trimmed);
    return parsed;
  } catch {
    return undefined;
  }
}
