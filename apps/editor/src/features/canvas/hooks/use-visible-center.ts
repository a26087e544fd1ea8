'use client';

import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import type { Point } from '../../bot-editor/document/editor-flow';

/**
 * Returns a function giving the centre of the visible canvas in flow coordinates
 * (undefined while no canvas is mounted). Needs the editor's <ReactFlowProvider>.
 */
export function useVisibleCenter(): () => Point | undefined {
  const store = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(() => {
    const { domNode } = store.getState();
    if (!domNode) return undefined;
    const rect = domNode.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return undefined;
    return screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  }, [store, screenToFlowPosition]);
}
