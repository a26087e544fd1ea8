import { createStore } from 'zustand/vanilla';

type CommandPaletteState = { readonly open: boolean; setOpen(open: boolean): void; toggle(): void };

/**
 * Whether the command palette is open (one palette per browser tab). Ctrl/⌘+K toggles it;
 * a toolbar button may open it with `commandPaletteStore.getState().setOpen(true)`.
 */
export const commandPaletteStore = createStore<CommandPaletteState>()((set, get) => ({
  open: false,
  setOpen: (open) => set({ open }),
  toggle: () => set({ open: !get().open }),
}));
