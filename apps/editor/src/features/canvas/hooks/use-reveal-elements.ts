'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { defaultNodeSize } from '../layout/layout-elements';

const duration = 250;

/**
 * Returns `reveal(ids)`: brings elements of the dialog on the canvas into view. One
 * element is centred at the current zoom (at least 0.75, so it can be read); several are
 * fitted. An element not rendered yet (its dialog just opened) is fitted once measured.
 */
export function useRevealElements(): (elementIds: readonly string[]) => void {
  const { getInternalNode, setCenter, getZoom, fitView } = useReactFlow();
  return useCallback(
    (elementIds) => {
      if (elementIds.length === 0) return;
      const only = elementIds.length === 1 ? elementIds[0] : undefined;
      const node = only === undefined ? undefined : getInternalNode(only);
      if (node) {
        const width = node.measured.width ?? defaultNodeSize.width;
        const height = node.measured.height ?? defaultNodeSize.height;
        const { x, y } = node.internals.positionAbsolute;
        void setCenter(x + width / 2, y + height / 2, { zoom: Math.max(getZoom(), 0.75), duration });
        return;
      }
      void fitView({ nodes: elementIds.map((id) => ({ id })), duration, maxZoom: 1.2, padding: 0.2 });
    },
    [getInternalNode, setCenter, getZoom, fitView],
  );
}
