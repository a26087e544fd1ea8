import type { Point } from '../../bot-editor/document/editor-flow';
import { defaultNodeSize } from '../layout/layout-elements';

/** Space kept between a new element and the elements around it. */
export const freeGap = 24;

/**
 * `wanted`, or the first place straight below it (one node height plus freeGap at a
 * time) where a node of defaultNodeSize overlaps none of the nodes whose top-left
 * corners are `occupied`, so a new element never hides an old one.
 */
export function freePosition(wanted: Point, occupied: readonly Point[]): Point {
  const { width, height } = defaultNodeSize;
  let point = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  for (let step = 0; step < 200; step += 1) {
    const at = point;
    const blocker = occupied.find((other) => Math.abs(other.x - at.x) < width + freeGap && Math.abs(other.y - at.y) < height + freeGap);
    if (!blocker) return point;
    point = { x: point.x, y: blocker.y + height + freeGap };
  }
  return point;
}
