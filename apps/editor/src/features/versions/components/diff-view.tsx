'use client';

import { useEffect, useMemo } from 'react';
import { cn } from '../../../ui/cn';
import { useFlow, useSelection, useSelectionStore } from '../../bot-editor/store/editor-stores';
import { DialogCanvas } from '../../canvas/components/dialog-canvas';
import { changeCount, dialogMarks, type DialogDiff, type ElementMark, type FlowDiff } from '../model/diff-flows';
import { elementLabel } from '../model/element-label';

const markText: Readonly<Record<ElementMark, string>> = { added: 'Added', removed: 'Removed', changed: 'Changed' };
const markClass: Readonly<Record<ElementMark, string>> = {
  added: 'bg-green-700 text-white',
  removed: 'bg-red-700 text-white',
  changed: 'bg-amber-500 text-black',
};

function plural(count: number, one: string): string {
  return count === 1 ? `1 ${one}` : `${count} ${one}s`;
}

/** One dialog's changes in list order: added, changed, removed. */
function changesOf(dialog: DialogDiff): { id: string; mark: ElementMark }[] {
  const marked = (ids: readonly string[], mark: ElementMark) => ids.map((id) => ({ id, mark }));
  return [...marked(dialog.added, 'added'), ...marked(dialog.changed, 'changed'), ...marked(dialog.removed, 'removed')];
}

/**
 * The diff of two flows drawn from the display flow in the surrounding
 * EditorStoresProvider (buildDisplayFlow): a dialog picker (dialogs with changes first
 * marked with their counts), the open dialog's list of changes (choosing one selects the
 * element on the canvas) and the read-only canvas with every element's mark.
 */
export function DiffView({ diff }: { diff: FlowDiff }) {
  const selectionStore = useSelectionStore();
  const dialogId = useSelection((state) => state.dialogId);
  const selected = useSelection((state) => state.selectedElementIds);
  const dialogs = useFlow((state) => state.flow.dialogs);
  const open = diff.dialogs.find((dialog) => dialog.dialogId === dialogId);
  const marks = useMemo(() => (open ? dialogMarks(open) : new Map<string, ElementMark>()), [open]);

  // Open the first dialog with changes (the entry dialog may have none).
  useEffect(() => {
    const state = selectionStore.getState();
    const current = diff.dialogs.find((dialog) => dialog.dialogId === state.dialogId);
    if (current && changeCount(current) > 0) return;
    const first = diff.dialogs.find((dialog) => changeCount(dialog) > 0);
    if (first) state.openDialog(first.dialogId);
  }, [diff, selectionStore]);

  const elementOf = (id: string) => dialogs.find((dialog) => dialog.id === dialogId)?.elements.find((element) => element.id === id);
  const changes = open ? changesOf(open) : [];
  return (
    <div className="grid min-h-0 flex-1 grid-cols-[16rem_1fr] gap-3">
      <div className="flex min-h-0 flex-col gap-3 overflow-y-auto pr-1">
        <section aria-labelledby="diff-dialogs-title" className="grid gap-1">
          <h3 id="diff-dialogs-title" className="text-xs font-medium text-muted-foreground">
            Dialogs
          </h3>
          <ul className="grid gap-0.5" data-testid="diff-dialogs">
            {diff.dialogs.map((dialog) => {
              const count = changeCount(dialog);
              return (
                <li key={dialog.dialogId}>
                  <button
                    type="button"
                    aria-current={dialog.dialogId === dialogId ? 'true' : undefined}
                    onClick={() => selectionStore.getState().openDialog(dialog.dialogId)}
                    className={cn(
                      'flex w-full cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-muted',
                      dialog.dialogId === dialogId && 'bg-accent font-medium text-accent-foreground',
                      count === 0 && 'text-muted-foreground',
                    )}
                  >
                    {/* The name comes from the content (what is seen, plus words for the count badge). */}
                    <span className={cn('truncate', dialog.status === 'removed' && 'line-through')}>{dialog.name}</span>
                    {dialog.status !== 'kept' && <span className="text-xs text-muted-foreground">{` ${dialog.status}`}</span>}
                    <span className="sr-only">{`: ${count === 0 ? 'no changes' : plural(count, 'change')}`}</span>
                    {count > 0 && (
                      <span aria-hidden="true" className="ml-auto rounded-full bg-primary px-1.5 text-xs text-primary-foreground tabular-nums">
                        {count}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby="diff-changes-title" className="grid gap-1">
          <h3 id="diff-changes-title" className="text-xs font-medium text-muted-foreground">
            Changes in {open?.name ?? 'this dialog'}
          </h3>
          {changes.length === 0 ? (
            <p className="px-2 text-sm text-muted-foreground">No element changed here.</p>
          ) : (
            <ul className="grid gap-0.5" data-testid="diff-changes">
              {changes.map(({ id, mark }) => {
                const element = elementOf(id);
                const label = element ? elementLabel(element) : { type: 'Element', text: id };
                return (
                  <li key={id}>
                    <button
                      type="button"
                      aria-pressed={selected.length === 1 && selected[0] === id}
                      onClick={() => selectionStore.getState().focusField(dialogId, id, undefined)}
                      className={cn(
                        'grid w-full cursor-pointer gap-0.5 rounded-md px-2 py-1.5 text-left text-sm hover:bg-muted aria-pressed:bg-accent',
                      )}
                    >
                      <span className="flex items-center gap-2">
                        <span className={cn('rounded px-1.5 text-[10px] leading-4 font-semibold', markClass[mark])}>{markText[mark]}</span>
                        <span className="truncate font-medium">{label.type}</span>
                      </span>
                      {label.text && <span className="truncate text-xs text-muted-foreground">{label.text}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
      <div className="relative min-h-0 overflow-hidden rounded-md border">
        {open ? <DialogCanvas key={dialogId} readOnly marks={marks} /> : <p className="grid h-full place-items-center text-sm text-muted-foreground">Choose a dialog.</p>}
      </div>
    </div>
  );
}
