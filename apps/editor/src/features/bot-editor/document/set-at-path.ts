import type { FieldPath } from './editor-flow';

/**
 * Returns a copy of `target` with `value` at `path` (copying only the objects and arrays
 * along the path). `undefined` removes an object key (an optional field left empty) or,
 * in an array, the item. Missing containers on the way are created: an array when the
 * next key is a number, else an object.
 *
 * The result keeps `T` by contract, not by proof: forms write a field of the element's own
 * schema, and anything that no longer fits is reported by validateFlow at that field.
 */
export function setAtPath<T extends object>(target: T, path: FieldPath, value: unknown): T {
  const result: unknown = setIn(target, path, 0, value);
  return isRecord(result) ? (result as T) : target;
}

/** The value at `path`, or undefined when any step is missing. */
export function getAtPath(target: unknown, path: FieldPath): unknown {
  let current: unknown = target;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function setIn(target: unknown, path: FieldPath, index: number, value: unknown): unknown {
  const key = path[index];
  if (key === undefined) return value;
  const last = index === path.length - 1;
  if (typeof key === 'number') {
    const list: unknown[] = Array.isArray(target) ? [...target] : [];
    const next = setIn(list[key], path, index + 1, value);
    if (next === undefined && last) list.splice(key, 1);
    else list[key] = next;
    return list;
  }
  const record: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  const next = setIn(record[key], path, index + 1, value);
  if (next === undefined) delete record[key];
  else record[key] = next;
  return record;
}
