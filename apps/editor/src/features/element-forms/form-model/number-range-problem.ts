import type { NumberFieldDescription } from './field-description';

/** Why `value` does not fit the field's range ("At most 30"), shown at once while typing; undefined when it fits. */
export function numberRangeProblem(value: number, field: Pick<NumberFieldDescription, 'minimum' | 'maximum'>): string | undefined {
  if (field.minimum !== undefined && value < field.minimum) return `At least ${field.minimum}`;
  if (field.maximum !== undefined && value > field.maximum) return `At most ${field.maximum}`;
  return undefined;
}
