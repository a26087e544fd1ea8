/**
 * BullMQ refuses custom job ids containing ':' and treats ids as Redis key parts,
 * so every id we derive goes through here: deterministic (same input, same id,
 * which is what makes a repeated enqueue a no-op) and free of ':'.
 */
export function jobId(...parts: string[]): string {
  return parts.map((part) => encodeURIComponent(part).replace(/%/g, '~')).join('__');
}
