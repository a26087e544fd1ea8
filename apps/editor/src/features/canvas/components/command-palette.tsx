'use client';

import { elementRegistry } from '@parley/elements';
import * as DialogPrimitive from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { allCommands, editorCommandsStore, type EditorCommand } from '../../bot-editor/store/editor-commands';
import { useFlow, useSelection, useSelectionStore } from '../../bot-editor/store/editor-stores';
import { useAddElement } from '../hooks/use-add-element';
import { useRevealElements } from '../hooks/use-reveal-elements';
import { addBlockedReason } from '../model/add-blocked-reason';
import { categoryStyle } from '../model/category-style';
import { elementSummary } from '../model/element-summary';
import { paletteFilter } from '../model/palette-filter';
import { paletteGroups } from '../model/palette-groups';
import { commandPaletteStore } from '../store/command-palette-store';
import { CategoryIcon } from './category-icon';

const commandGroups: readonly EditorCommand['group'][] = ['Bot', 'Component', 'Edit', 'Canvas', 'View', 'Go to'];

const itemClass =
  'flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none select-none data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground data-[disabled=true]:cursor-default data-[disabled=true]:opacity-50';
const groupClass =
  '[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-muted-foreground';

/**
 * The command palette: Ctrl/⌘+K (also inside a text field, where the combination types
 * nothing) opens and closes it. It lists "Add element" (every type, at the middle of the
 * canvas), "Go to element" (every dialog's elements by name or summary: opens the
 * dialog, selects and centres the element), "Go to dialog", and every registered
 * EditorCommand by group with its shortcut. A Radix dialog titled "Command palette" with
 * cmdk's combobox inside: type to filter, arrows to move, Enter to run, Escape to close.
 * Mount it once, inside the editor's <ReactFlowProvider> and stores.
 */
export function CommandPalette() {
  const open = useStore(commandPaletteStore, (state) => state.open);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'k') return;
      event.preventDefault();
      event.stopPropagation();
      commandPaletteStore.getState().toggle();
    };
    // Capture phase: a text editor (CodeMirror ...) must not swallow it first.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={(next) => commandPaletteStore.getState().setOpen(next)}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed top-[15vh] left-1/2 z-50 w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-lg border bg-popover text-popover-foreground shadow-lg"
          data-testid="command-palette"
        >
          <DialogPrimitive.Title className="sr-only">Command palette</DialogPrimitive.Title>
          <PaletteCommands close={() => commandPaletteStore.getState().setOpen(false)} />
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

/** The palette's list; mounted only while the palette is open, so it reads the stores only then. */
function PaletteCommands({ close }: { close: () => void }) {
  const selectionStore = useSelectionStore();
  const dialogId = useSelection((state) => state.dialogId);
  const dialogs = useFlow((state) => state.flow.dialogs);
  const sources = useStore(editorCommandsStore, (state) => state.sources);
  const addElement = useAddElement();
  const reveal = useRevealElements();
  const openDialog = dialogs.find((dialog) => dialog.id === dialogId);

  const commands = useMemo(() => allCommands({ sources }), [sources]);
  const elements = useMemo(
    () =>
      dialogs.flatMap((dialog) =>
        dialog.elements.map((element) => {
          const definition = elementRegistry[element.type];
          const summary = elementSummary(element, (id) => dialogs.find((candidate) => candidate.id === id)?.name);
          return { element, dialog, label: element.name?.trim() || summary || definition.title, title: definition.title, category: definition.category };
        }),
      ),
    [dialogs],
  );

  const run = (action: () => void) => {
    close();
    action();
  };

  const goToElement = (targetDialogId: string, elementId: string) => {
    const selection = selectionStore.getState();
    if (selection.dialogId === targetDialogId) {
      selection.select([elementId]);
      reveal([elementId]);
    } else {
      // The canvas fits the selected element into view when the dialog opens.
      selection.openDialog(targetDialogId);
      selectionStore.getState().select([elementId]);
    }
  };

  return (
    <Command label="Commands" loop vimBindings={false} filter={paletteFilter} className="flex flex-col">
      <div className="border-b px-3">
        <Command.Input placeholder="Type a command, an element or a dialog…" className="h-11 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground" />
      </div>
      <Command.List className="max-h-[min(60vh,28rem)] overflow-y-auto p-1">
        <Command.Empty className="px-2 py-6 text-center text-sm text-muted-foreground">Nothing matches.</Command.Empty>
        <Command.Group heading="Add element" className={groupClass}>
          {paletteGroups.flatMap((group) =>
            group.types.map((type) => {
              const definition = elementRegistry[type];
              const blocked = addBlockedReason(type, openDialog);
              return (
                <Command.Item
                  key={type}
                  value={`add ${definition.title}`}
                  keywords={[group.heading, type]}
                  disabled={blocked !== undefined}
                  onSelect={() => run(() => void addElement(type))}
                  className={itemClass}
                >
                  <Icon category={definition.category} />
                  <span className="flex-1 truncate">Add {definition.title}</span>
                  {blocked ? <span className="text-xs text-muted-foreground">{blocked}</span> : null}
                </Command.Item>
              );
            }),
          )}
        </Command.Group>
        {elements.length > 0 ? (
          <Command.Group heading="Go to element" className={groupClass}>
            {elements.map(({ element, dialog, label, title, category }) => (
              <Command.Item
                key={element.id}
                value={`element ${element.id} ${label}`}
                keywords={[label, title, dialog.name]}
                onSelect={() => run(() => goToElement(dialog.id, element.id))}
                className={itemClass}
              >
                <Icon category={category} />
                <span className="flex-1 truncate">{label}</span>
                <span className="shrink-0 text-xs text-muted-foreground">
                  {title} · {dialog.name}
                </span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
        <Command.Group heading="Go to dialog" className={groupClass}>
          {dialogs.map((dialog) => (
            <Command.Item key={dialog.id} value={`dialog ${dialog.id} ${dialog.name}`} keywords={[dialog.name]} onSelect={() => run(() => selectionStore.getState().openDialog(dialog.id))} className={itemClass}>
              <span className="flex-1 truncate">{dialog.name}</span>
              {dialog.id === dialogId ? <span className="text-xs text-muted-foreground">Open</span> : null}
            </Command.Item>
          ))}
        </Command.Group>
        {commandGroups.map((group) => {
          const inGroup = commands.filter((command) => command.group === group);
          if (inGroup.length === 0) return null;
          return (
            <Command.Group key={group} heading={group} className={groupClass}>
              {inGroup.map((command) => (
                <Command.Item
                  key={command.id}
                  value={`command ${command.id} ${command.title}`}
                  keywords={[command.title, ...(command.keywords ?? [])]}
                  disabled={command.disabled}
                  onSelect={() => run(() => command.run())}
                  className={itemClass}
                >
                  <span className="flex-1 truncate">{command.title}</span>
                  {command.shortcut ? <Shortcut>{command.shortcut}</Shortcut> : null}
                </Command.Item>
              ))}
            </Command.Group>
          );
        })}
      </Command.List>
    </Command>
  );
}

function Icon({ category }: { category: keyof typeof categoryStyle }) {
  return (
    <span className={`grid size-5 shrink-0 place-items-center rounded ${categoryStyle[category].icon}`}>
      <CategoryIcon category={category} width={12} height={12} />
    </span>
  );
}

function Shortcut({ children }: { children: ReactNode }) {
  return <kbd className="rounded border bg-muted px-1.5 py-0.5 font-mono text-[11px] text-muted-foreground">{children}</kbd>;
}
