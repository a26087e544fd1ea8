'use client';

import { useMemo, useState } from 'react';
import type { EditorCommand } from '../../bot-editor/store/editor-commands';
import { useFlow, useSelection, useUndoAvailability } from '../../bot-editor/store/editor-stores';
import { useRegisterCommands } from '../../bot-editor/hooks/use-register-commands';
import { formatShortcut } from '../model/format-shortcut';
import { isApplePlatform } from '../model/is-apple-platform';
import type { CanvasActions } from './use-canvas-actions';

const noCommands: readonly EditorCommand[] = [];

/**
 * Registers the canvas's commands (groups 'Edit' and 'Canvas') for the command palette,
 * each with the shortcut useCanvasShortcuts binds, disabled when it has nothing to act
 * on. Registers nothing while `enabled` is false (a read-only canvas).
 */
export function useCanvasCommands(actions: CanvasActions, enabled: boolean, hasSelectedEdges: boolean): void {
  const [apple] = useState(isApplePlatform);
  const { canUndo, canRedo } = useUndoAvailability();
  const selectedIds = useSelection((state) => state.selectedElementIds);
  const dialogId = useSelection((state) => state.dialogId);
  const startElementId = useFlow((state) => state.flow.dialogs.find((dialog) => dialog.id === dialogId)?.startElementId);
  const hasElements = useFlow((state) => (state.flow.dialogs.find((dialog) => dialog.id === dialogId)?.elements.length ?? 0) > 0);

  const commands = useMemo<readonly EditorCommand[]>(() => {
    if (!enabled) return noCommands;
    const keys = (spec: string) => formatShortcut(spec, apple);
    const none = selectedIds.length === 0;
    const only = selectedIds.length === 1 ? selectedIds[0] : undefined;
    const report = (promise: Promise<void>) => void promise.catch(() => undefined);
    return [
      { id: 'edit.undo', group: 'Edit', title: 'Undo', shortcut: keys('Mod+Z'), disabled: !canUndo, run: actions.undo },
      { id: 'edit.redo', group: 'Edit', title: 'Redo', shortcut: keys('Mod+Shift+Z'), disabled: !canRedo, run: actions.redo },
      { id: 'edit.copy', group: 'Edit', title: 'Copy elements', shortcut: keys('Mod+C'), disabled: none, run: () => report(actions.copyToClipboard()) },
      { id: 'edit.cut', group: 'Edit', title: 'Cut elements', shortcut: keys('Mod+X'), disabled: none, run: () => report(actions.cutToClipboard()) },
      { id: 'edit.paste', group: 'Edit', title: 'Paste elements', shortcut: keys('Mod+V'), run: () => report(actions.pasteFromClipboard()) },
      { id: 'edit.duplicate', group: 'Edit', title: 'Duplicate elements', shortcut: keys('Mod+D'), disabled: none, run: actions.duplicate },
      {
        id: 'edit.delete',
        group: 'Edit',
        title: 'Delete selection',
        shortcut: 'Delete',
        keywords: ['remove', 'backspace'],
        disabled: none && !hasSelectedEdges,
        run: actions.deleteSelection,
      },
      { id: 'edit.select-all', group: 'Edit', title: 'Select all elements', shortcut: keys('Mod+A'), disabled: !hasElements, run: actions.selectAll },
      { id: 'edit.clear-selection', group: 'Edit', title: 'Clear selection', shortcut: 'Esc', disabled: none && !hasSelectedEdges, run: actions.clearSelection },
      {
        id: 'canvas.set-start',
        group: 'Canvas',
        title: 'Set as start element',
        keywords: ['start', 'entry', 'first'],
        disabled: only === undefined || only === startElementId,
        run: actions.setStartElement,
      },
      { id: 'canvas.layout-lr', group: 'Canvas', title: 'Auto-layout left to right', shortcut: keys('Shift+L'), keywords: ['arrange', 'tidy'], disabled: !hasElements, run: () => actions.autoLayout('LR') },
      { id: 'canvas.layout-tb', group: 'Canvas', title: 'Auto-layout top to bottom', keywords: ['arrange', 'tidy', 'vertical'], disabled: !hasElements, run: () => actions.autoLayout('TB') },
      { id: 'canvas.fit', group: 'Canvas', title: 'Fit view', shortcut: keys('Shift+1'), keywords: ['zoom', 'all'], run: actions.fitView },
      { id: 'canvas.zoom-selection', group: 'Canvas', title: 'Zoom to selection', shortcut: keys('Shift+2'), disabled: none, run: actions.zoomToSelection },
      { id: 'canvas.zoom-in', group: 'Canvas', title: 'Zoom in', run: actions.zoomIn },
      { id: 'canvas.zoom-out', group: 'Canvas', title: 'Zoom out', run: actions.zoomOut },
    ];
  }, [enabled, apple, actions, canUndo, canRedo, selectedIds, startElementId, hasElements, hasSelectedEdges]);

  useRegisterCommands('canvas', commands);
}
