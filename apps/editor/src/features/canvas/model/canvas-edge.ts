import type { Edge } from '@xyflow/react';

/** A canvas edge: one edge of the open dialog, from an element's port handle to another element's input handle. */
export type CanvasEdge = Edge<Record<string, never>, 'smoothstep'>;
