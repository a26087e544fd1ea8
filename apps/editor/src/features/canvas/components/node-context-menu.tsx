'use client';

import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '../../../ui/dropdown-menu';
import type { CanvasActions } from '../hooks/use-canvas-actions';

/** Where the menu opens (relative to the canvas) and for which element. */
export type NodeMenuState = { readonly x: number; readonly y: number; readonly elementId: string; readonly isStart: boolean };

/**
 * The menu of a right-clicked element (or ContextMenu / Shift+F10 on a focused one):
 * set as start element, duplicate, copy, delete. Radix's menu anchored at the pointer by
 * an invisible trigger; Escape or a click outside closes it.
 */
export function NodeContextMenu({ menu, actions, onClose }: { menu: NodeMenuState | null; actions: CanvasActions; onClose: () => void }) {
  const copy = () => void actions.copyToClipboard().catch(() => undefined);
  return (
    <DropdownMenu open={menu !== null} onOpenChange={(open) => (open ? undefined : onClose())} modal={false}>
      <DropdownMenuTrigger asChild>
        <span aria-hidden="true" tabIndex={-1} className="pointer-events-none absolute size-px" style={{ left: menu?.x ?? 0, top: menu?.y ?? 0 }} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" aria-label="Element actions" onCloseAutoFocus={(event) => event.preventDefault()}>
        <DropdownMenuItem disabled={menu?.isStart ?? true} onSelect={actions.setStartElement}>
          Set as start element
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={actions.duplicate}>Duplicate</DropdownMenuItem>
        <DropdownMenuItem onSelect={copy}>Copy</DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem className="text-destructive data-[highlighted]:text-destructive" onSelect={actions.deleteSelection}>
          Delete
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
