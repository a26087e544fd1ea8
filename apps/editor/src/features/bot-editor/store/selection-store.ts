import { createStore } from 'zustand/vanilla';

/** A request to put the keyboard in one field of an element's settings (from the Problems panel). */
export type FieldFocusRequest = {
  readonly elementId: string;
  /** The issue's `field` (e.g. 'buttons[1].label'), or undefined for the element itself. */
  readonly field: string | undefined;
  /** Changes on every request, so asking for the same field twice focuses it twice. */
  readonly nonce: number;
};

export type SelectionState = {
  /** The dialog whose canvas is open. */
  readonly dialogId: string;
  /** Selected elements of the open dialog (the settings panel shows the element when exactly one). */
  readonly selectedElementIds: readonly string[];
  readonly focusRequest: FieldFocusRequest | null;
  openDialog(dialogId: string): void;
  select(elementIds: readonly string[]): void;
  /** Opens the element's dialog, selects it alone and asks its settings to focus `field`. */
  focusField(dialogId: string, elementId: string, field: string | undefined): void;
};

export type SelectionStore = ReturnType<typeof createSelectionStore>;

/** What is open and selected in the editor: view state, never saved, never undone. */
export function createSelectionStore(dialogId: string) {
  let nonce = 0;
  return createStore<SelectionState>()((set, get) => ({
    dialogId,
    selectedElementIds: [],
    focusRequest: null,
    openDialog: (id) => {
      if (get().dialogId !== id) set({ dialogId: id, selectedElementIds: [] });
    },
    select: (elementIds) => {
      const current = get().selectedElementIds;
      if (current.length === elementIds.length && current.every((id, index) => id === elementIds[index])) return;
      set({ selectedElementIds: [...elementIds] });
    },
    focusField: (id, elementId, field) => {
      nonce += 1;
      set({ dialogId: id, selectedElementIds: [elementId], focusRequest: { elementId, field, nonce } });
    },
  }));
}
