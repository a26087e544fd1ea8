import { createStore } from 'zustand/vanilla';

/**
 * One action of the command palette (Ctrl/⌘+K) and of the keyboard. Areas register the
 * commands they own while mounted (useRegisterCommands); the palette lists them by group.
 */
export type EditorCommand = {
  readonly id: string;
  readonly title: string;
  readonly group: 'Bot' | 'Component' | 'Canvas' | 'Edit' | 'View' | 'Go to';
  /** Shown in the palette, e.g. 'Ctrl+Z'; the binding itself is the registering area's. */
  readonly shortcut?: string;
  /** Extra words the palette search matches. */
  readonly keywords?: readonly string[];
  readonly disabled?: boolean;
  run(): void;
};

type CommandsState = { readonly sources: ReadonlyMap<string, readonly EditorCommand[]> };

/** Commands by the area that registered them (one store per browser tab). */
export const editorCommandsStore = createStore<CommandsState>()(() => ({ sources: new Map() }));

/** Sets the commands of `source` (replacing what it registered before). */
export function setCommands(source: string, commands: readonly EditorCommand[]): void {
  const sources = new Map(editorCommandsStore.getState().sources);
  sources.set(source, commands);
  editorCommandsStore.setState({ sources });
}

/** Removes the commands of `source`. */
export function clearCommands(source: string): void {
  const sources = new Map(editorCommandsStore.getState().sources);
  sources.delete(source);
  editorCommandsStore.setState({ sources });
}

/** Every registered command, in registration order. */
export function allCommands(state: CommandsState): EditorCommand[] {
  return [...state.sources.values()].flat();
}
