import type { Point } from '../../bot-editor/document/editor-flow';

/** How far a new element moves from one already at its place. */
export const freeStep = 24;
const samePlace = 8;

/**
 * `wanted`, or the first point down and to the right of it (in freeStep steps) where no
 * element of `occupied` has its corner, so a new element never hides an old one.
 */
export function freePosition(wanted: Point, occupied: readonly Point[]): Point {
  let point = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  for (let step = 0; step < 100; step += 1) {
    const at = point;
    if (!occupied.some((other) => Math.abs(other.x - at.x) < samePlace && Math.abs(other.y - at.y) < samePlace)) return point;
    point = { x: point.x + freeStep, y: point.y + freeStep };
  }
  return point;
}
