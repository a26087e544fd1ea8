'use client';

import type { ReactNode } from 'react';
import { ArrowDownIcon, ArrowUpIcon, TrashIcon } from '../../../ui/icons';
import { Button } from '../../../ui/button';

type ItemActionsProps = {
  /** The item's name in the buttons' accessible names: "Move Variation 2 up". */
  name: string;
  /** Identifies the list on the page, so focus can follow a moved item. */
  listKey: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** False at the list's minimum length. */
  canRemove?: boolean;
  /** More buttons before Remove (e.g. Duplicate). */
  children?: ReactNode;
};

/** Selector of an item's action button, to put focus back after a move or removal re-renders the list. */
export function itemActionSelector(listKey: string, index: number, action: string): string {
  return `[data-list="${CSS.escape(listKey)}"][data-index="${index}"][data-action="${action}"]`;
}

/** Focuses the first of `selectors` that is on the page and enabled, once React has painted the edit. */
export function focusAfterEdit(...selectors: string[]): void {
  requestAnimationFrame(() => {
    for (const selector of selectors) {
      const target = document.querySelector<HTMLElement>(selector);
      if (target && !target.hasAttribute('disabled')) {
        target.focus();
        return;
      }
    }
  });
}

/**
 * Move up, Move down and Remove for one item of a list, each a named icon button; the
 * keyboard's way to reorder (focus stays on the moved item's button).
 */
export function ItemActions({ name, listKey, index, count, onMove, onRemove, canRemove = true, children }: ItemActionsProps) {
  const data = (action: string) => ({ 'data-list': listKey, 'data-index': index, 'data-action': action });
  return (
    <div className="flex shrink-0 items-center">
      <Button
        variant="ghost"
        size="icon"
        className="size-7"
        aria-label={`Move ${name} up`}
        title={`Move ${name} up`}
        disabled={index === 0}
        {...data('up')}
        onClick={() => {
          onMove(index - 1);
          focusAfterEdit(itemActionSelector(listKey, index - 1, 'up'), itemActionSelector(listKey, index - 1, 'down'));
        }}
      >
        <ArrowUpIcon />
      </Button>
      <Button
        variant="ghost"
        size="icon"
        className="size-7"
        aria-label={`Move ${name} down`}
        title={`Move ${name} down`}
        disabled={index >= count - 1}
        {...data('down')}
        onClick={() => {
          onMove(index + 1);
          focusAfterEdit(itemActionSelector(listKey, index + 1, 'down'), itemActionSelector(listKey, index + 1, 'up'));
        }}
      >
        <ArrowDownIcon />
      </Button>
      {children}
      <Button
        variant="ghost"
        size="icon"
        className="size-7 text-muted-foreground hover:text-destructive"
        aria-label={`Remove ${name}`}
        title={`Remove ${name}`}
        disabled={!canRemove}
        {...data('remove')}
        onClick={() => {
          onRemove();
          focusAfterEdit(
            itemActionSelector(listKey, index, 'remove'),
            itemActionSelector(listKey, index - 1, 'remove'),
            `[data-add-for="${CSS.escape(listKey)}"]`,
          );
        }}
      >
        <TrashIcon />
      </Button>
    </div>
  );
}
