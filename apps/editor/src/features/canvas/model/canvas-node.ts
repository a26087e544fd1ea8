import type { ElementCategory } from '@parley/elements';
import type { Node } from '@xyflow/react';

/**
 * A canvas node: one element of the open dialog. It carries only what xyflow itself
 * needs (position, selection, size) and the category for the minimap; the node component
 * reads its element from the document store by id.
 */
export type CanvasNode = Node<{ readonly category: ElementCategory }, 'element'>;
