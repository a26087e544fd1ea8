'use client';

import type { ElementType } from '@parley/elements';
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { Point } from '../../bot-editor/document/editor-flow';
import { addElements, flowIds } from '../../bot-editor/document/flow-edits';
import { newId } from '../../bot-editor/document/new-id';
import { useFlowStore, useSelectionStore } from '../../bot-editor/store/editor-stores';
import { defaultNodeSize } from '../layout/layout-elements';
import { addBlockedReason } from '../model/add-blocked-reason';
import { freePosition } from '../model/free-position';
import { newElementOfType } from '../model/new-element-of-type';
import { useRevealElements } from './use-reveal-elements';
import { useVisibleCenter } from './use-visible-center';

/**
 * Returns `add(type, at?)`: adds a new element of `type` to the open dialog (one undo
 * step) with its top-left corner at `at`, or to the right of the one selected element, or
 * centred in the visible canvas, moved below any element already there, and brought into view; selects it (the settings panel opens) and returns its id.
 * Returns undefined and changes nothing when the type's maxPerDialog is reached.
 */
export function useAddElement(): (type: ElementType, at?: Point) => string | undefined {
  const flowStore = useFlowStore();
  const selectionStore = useSelectionStore();
  const visibleCenter = useVisibleCenter();
  const reveal = useRevealElements();
  const { flowToScreenPosition } = useReactFlow();
  return useCallback(
    (type, at) => {
      const { dialogId } = selectionStore.getState();
      const flow = flowStore.getState().flow;
      const dialog = flow.dialogs.find((candidate) => candidate.id === dialogId);
      if (!dialog || addBlockedReason(type, dialog) !== undefined) return undefined;
      // Added by a click or command: next to the selected element (where the flow goes on),
      // else in the middle of the view.
      const selectedIds = selectionStore.getState().selectedElementIds;
      const anchor = selectedIds.length === 1 ? dialog.elements.find((element) => element.id === selectedIds[0])?.position : undefined;
      const center = visibleCenter();
      const wanted =
        at ??
        (anchor
          ? { x: anchor.x + defaultNodeSize.width + 80, y: anchor.y }
          : center
            ? { x: center.x - defaultNodeSize.width / 2, y: center.y - defaultNodeSize.height / 2 }
            : { x: 0, y: 0 });
      const position = freePosition(wanted, dialog.elements.map((element) => element.position ?? { x: 0, y: 0 }));
      const id = newId(type, flowIds(flow));
      flowStore.getState().edit((current) => addElements(current, dialogId, [newElementOfType(type, id, position)]));
      selectionStore.getState().select([id]);
      // Placed next to the selection, it may fall outside the view (under the settings panel).
      const canvas = document.querySelector('[data-testid="dialog-canvas"]')?.getBoundingClientRect();
      const topLeft = flowToScreenPosition(position);
      const bottomRight = flowToScreenPosition({ x: position.x + defaultNodeSize.width, y: position.y + defaultNodeSize.height });
      const inView = canvas && topLeft.x >= canvas.left && topLeft.y >= canvas.top && bottomRight.x <= canvas.right && bottomRight.y <= canvas.bottom;
      if (!inView) requestAnimationFrame(() => reveal([id]));
      return id;
    },
    [flowStore, selectionStore, visibleCenter, flowToScreenPosition, reveal],
  );
}
