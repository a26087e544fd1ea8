'use client';

import { useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { cn } from '../../../ui/cn';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '../../../ui/dropdown-menu';
import { PlusIcon } from '../../../ui/icons';
import { Input } from '../../../ui/input';
import { addDialog, moveDialog, removeDialog, renameDialog, setDialogRole, type DialogRole } from '../document/flow-edits';
import { useFlow, useFlowStore, useSelection, useSelectionStore } from '../store/editor-stores';

const roleLabels: Record<DialogRole, string> = { entryDialogId: 'Entry', defaultDialogId: 'Default', sessionExpireDialogId: 'Session expire' };
const roles: readonly DialogRole[] = ['entryDialogId', 'defaultDialogId', 'sessionExpireDialogId'];

/** Validates a dialog name as the flow schema does (1–100 characters). */
export function dialogNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Dialog name is required';
  if (trimmed.length > 100) return 'Dialog name is at most 100 characters';
  return null;
}

/**
 * The bot's dialogs: open one (only the open dialog's canvas is mounted), add, rename,
 * delete (never the last), reorder (menu, or Alt+↑/↓ on a dialog), and give the Entry,
 * Default and Session expire roles, shown as badges.
 */
export function DialogsSidebar({ readOnly }: { readOnly: boolean }) {
  // Ids and names only (shallow-compared): editing an element does not re-render the sidebar.
  const dialogIds = useFlow(useShallow((state) => state.flow.dialogs.map((dialog) => dialog.id)));
  const dialogNames = useFlow(useShallow((state) => state.flow.dialogs.map((dialog) => dialog.name)));
  const dialogs = dialogIds.map((id, index) => ({ id, name: dialogNames[index] ?? '' }));
  const entry = useFlow((state) => state.flow.entryDialogId);
  const fallback = useFlow((state) => state.flow.defaultDialogId);
  const expire = useFlow((state) => state.flow.sessionExpireDialogId);
  const openId = useSelection((state) => state.dialogId);
  const flowStore = useFlowStore();
  const selection = useSelectionStore();
  const [renaming, setRenaming] = useState<{ id: string | null; name: string; error: string | null } | null>(null);
  const roleOf: Record<DialogRole, string | undefined> = { entryDialogId: entry, defaultDialogId: fallback, sessionExpireDialogId: expire };

  const commit = () => {
    if (!renaming) return;
    const problem = dialogNameProblem(renaming.name);
    if (problem) {
      setRenaming({ ...renaming, error: problem });
      return;
    }
    const name = renaming.name.trim();
    if (renaming.id === null) {
      let created = '';
      flowStore.getState().edit((flow) => {
        const result = addDialog(flow, name);
        created = result.dialogId;
        return result.flow;
      });
      if (created) selection.getState().openDialog(created);
    } else {
      const id = renaming.id;
      flowStore.getState().edit((flow) => renameDialog(flow, id, name));
    }
    setRenaming(null);
  };

  const onRowKey = (event: KeyboardEvent, id: string, index: number) => {
    if (readOnly || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const target = index + (event.key === 'ArrowUp' ? -1 : 1);
    flowStore.getState().edit((flow) => moveDialog(flow, id, target));
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-dialog-row="${id}"]`)?.focus());
  };

  const renameForm = (id: string | null) =>
    renaming && renaming.id === id ? (
      <form
        className="grid gap-1 px-2 py-1"
        onSubmit={(event) => {
          event.preventDefault();
          commit();
        }}
      >
        <Input
          autoFocus
          aria-label={id === null ? 'New dialog name' : 'Dialog name'}
          aria-invalid={renaming.error !== null}
          aria-describedby={renaming.error ? 'dialog-name-error' : undefined}
          value={renaming.name}
          className="h-8"
          onChange={(event) => setRenaming({ ...renaming, name: event.target.value, error: null })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setRenaming(null);
          }}
          onBlur={() => (renaming.name.trim() === '' ? setRenaming(null) : commit())}
        />
        {renaming.error && (
          <p id="dialog-name-error" className="text-xs text-destructive">
            {renaming.error}
          </p>
        )}
      </form>
    ) : null;

  return (
    <nav aria-label="Dialogs" className="flex min-h-0 flex-col">
      <div className="flex items-center justify-between px-3 pt-3 pb-1">
        <h2 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">Dialogs</h2>
        {!readOnly && (
          <Button variant="ghost" size="sm" className="h-7 px-2" aria-label="Add dialog" onClick={() => setRenaming({ id: null, name: '', error: null })}>
            <PlusIcon /> Add
          </Button>
        )}
      </div>
      <ul className="min-h-0 overflow-y-auto px-1 pb-2">
        {dialogs.map((dialog, index) => {
          const badges = roles.filter((role) => roleOf[role] === dialog.id);
          const open = dialog.id === openId;
          return (
            <li key={dialog.id} className="group">
              {renaming?.id === dialog.id ? (
                renameForm(dialog.id)
              ) : (
                <div className={cn('flex items-center gap-1 rounded-md pr-1', open ? 'bg-accent' : 'hover:bg-muted')}>
                  <button
                    type="button"
                    data-dialog-row={dialog.id}
                    aria-current={open ? 'page' : undefined}
                    className="flex min-w-0 flex-1 cursor-pointer flex-col items-start gap-0.5 rounded-md px-2 py-1.5 text-left text-sm focus-visible:outline-2 focus-visible:outline-ring"
                    onClick={() => selection.getState().openDialog(dialog.id)}
                    onDoubleClick={() => !readOnly && setRenaming({ id: dialog.id, name: dialog.name, error: null })}
                    onKeyDown={(event) => onRowKey(event, dialog.id, index)}
                  >
                    <span className="w-full truncate font-medium">{dialog.name}</span>
                    {badges.length > 0 && (
                      <span className="flex flex-wrap gap-1">
                        {badges.map((role) => (
                          <Badge key={role} variant={role === 'entryDialogId' ? 'default' : 'outline'} className="px-1.5 py-0 text-[10px]">
                            {roleLabels[role]}
                          </Badge>
                        ))}
                      </span>
                    )}
                  </button>
                  {!readOnly && (
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button variant="ghost" size="icon" className="size-7 opacity-60 group-hover:opacity-100" aria-label={`Dialog actions for ${dialog.name}`}>
                          ⋯
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent align="end">
                        <DropdownMenuItem onSelect={() => setRenaming({ id: dialog.id, name: dialog.name, error: null })}>Rename</DropdownMenuItem>
                        <DropdownMenuSeparator />
                        {roles.map((role) =>
                          roleOf[role] === dialog.id ? (
                            role === 'entryDialogId' ? null : (
                              <DropdownMenuItem key={role} onSelect={() => flowStore.getState().edit((flow) => setDialogRole(flow, role, undefined))}>
                                Stop being the {roleLabels[role]} dialog
                              </DropdownMenuItem>
                            )
                          ) : (
                            <DropdownMenuItem key={role} onSelect={() => flowStore.getState().edit((flow) => setDialogRole(flow, role, dialog.id))}>
                              Make it the {roleLabels[role]} dialog
                            </DropdownMenuItem>
                          ),
                        )}
                        <DropdownMenuSeparator />
                        <DropdownMenuItem disabled={index === 0} onSelect={() => flowStore.getState().edit((flow) => moveDialog(flow, dialog.id, index - 1))}>
                          Move up <span className="ml-auto text-xs text-muted-foreground">Alt+↑</span>
                        </DropdownMenuItem>
                        <DropdownMenuItem disabled={index === dialogs.length - 1} onSelect={() => flowStore.getState().edit((flow) => moveDialog(flow, dialog.id, index + 1))}>
                          Move down <span className="ml-auto text-xs text-muted-foreground">Alt+↓</span>
                        </DropdownMenuItem>
                        <DropdownMenuSeparator />
                        <DropdownMenuItem
                          disabled={dialogs.length === 1}
                          className="text-destructive"
                          onSelect={() => {
                            const count = flowStore.getState().flow.dialogs.find((candidate) => candidate.id === dialog.id)?.elements.length ?? 0;
                            if (!window.confirm(`Delete the dialog "${dialog.name}" and its ${count} elements? You can undo this with Ctrl+Z.`)) return;
                            flowStore.getState().edit((flow) => removeDialog(flow, dialog.id));
                            if (open) selection.getState().openDialog(dialogs.find((other) => other.id !== dialog.id)?.id ?? '');
                          }}
                        >
                          Delete dialog
                        </DropdownMenuItem>
                      </DropdownMenuContent>
                    </DropdownMenu>
                  )}
                </div>
              )}
            </li>
          );
        })}
        {renaming?.id === null && <li>{renameForm(null)}</li>}
      </ul>
    </nav>
  );
}
