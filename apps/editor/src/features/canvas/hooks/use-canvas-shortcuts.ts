'use client';

import { useEffect } from 'react';
import { isApplePlatform } from '../model/is-apple-platform';
import { isTypingTarget } from '../model/is-typing-target';
import type { CanvasActions } from './use-canvas-actions';

/** True inside an open dialog or alert (a confirmation, the command palette): its keys are its own. */
function inModal(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null;
}

/** True when the person has selected text outside the canvas: Ctrl/⌘+C copies that text, not elements. */
function copiesText(target: EventTarget | null, canvas: HTMLElement | null): boolean {
  const selection = typeof window === 'undefined' ? null : window.getSelection();
  if (!selection || selection.isCollapsed || selection.toString().trim() === '') return false;
  return !(target instanceof Node && canvas?.contains(target));
}

/**
 * The canvas's keyboard shortcuts, while `enabled` (an editable canvas is mounted):
 * undo Mod+Z, redo Mod+Shift+Z and Ctrl+Y, duplicate Mod+D, select all Mod+A, delete
 * Delete/Backspace, clear selection Escape, auto-layout Shift+L, fit Shift+1, zoom to
 * selection Shift+2; copy, cut and paste through the browser's own clipboard events (so
 * the system clipboard carries the elements between tabs and bots). Every one keeps out
 * of the way while the person types (inputs, textareas, selects, editable content,
 * CodeMirror) or works in a dialog. Mod is ⌘ on Apple systems, Ctrl elsewhere.
 */
export function useCanvasShortcuts(actions: CanvasActions, enabled: boolean, canvas: HTMLElement | null): void {
  useEffect(() => {
    if (!enabled) return;
    const apple = isApplePlatform();
    const ignored = (event: Event) => event.defaultPrevented || isTypingTarget(event.target) || inModal(event.target);

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || ignored(event)) return;
      const key = event.key.toLowerCase();
      const mod = apple ? event.metaKey : event.ctrlKey;
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (mod && !event.altKey) {
        if (key === 'z') run(event.shiftKey ? actions.redo : actions.undo);
        else if (key === 'y' && !event.shiftKey) run(actions.redo);
        else if (key === 'd' && !event.shiftKey) run(actions.duplicate);
        else if (key === 'a' && !event.shiftKey) run(actions.selectAll);
        return;
      }
      if (event.ctrlKey && !event.altKey && !event.shiftKey && key === 'y') return run(actions.redo);
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (key === 'delete' || key === 'backspace') return run(actions.deleteSelection);
      if (key === 'escape') return actions.clearSelection();
      if (event.shiftKey && key === 'l') return run(() => actions.autoLayout('LR'));
      if (event.shiftKey && (event.code === 'Digit1' || event.code === 'Numpad1')) return run(actions.fitView);
      if (event.shiftKey && (event.code === 'Digit2' || event.code === 'Numpad2')) return run(actions.zoomToSelection);
    };

    const onCopy = (event: ClipboardEvent, cut: boolean) => {
      if (ignored(event) || copiesText(event.target, canvas) || !event.clipboardData) return;
      const text = cut ? actions.cutText() : actions.copyText();
      if (text === undefined) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    };
    const copy = (event: ClipboardEvent) => onCopy(event, false);
    const cut = (event: ClipboardEvent) => onCopy(event, true);
    const paste = (event: ClipboardEvent) => {
      if (ignored(event)) return;
      const text = event.clipboardData?.getData('text/plain');
      if (text && actions.paste(text)) event.preventDefault();
    };

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', paste);
    };
  }, [actions, enabled, canvas]);
}
