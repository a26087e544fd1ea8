import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import type { EditorFlow } from '../document/editor-flow';

/** Edits with the same merge key closer together than this form one undo step. */
export const mergeWindowMs = 1000;

/** At most this many undo steps are kept. */
export const undoLimit = 300;

export type FlowState = {
  /** The open bot's document. Replaced (never mutated) on every edit. */
  readonly flow: EditorFlow;
  /**
   * Applies a pure edit (see document/flow-edits.ts). Each edit is one undo step, except
   * that edits carrying the same `mergeKey` within mergeWindowMs of each other join the
   * step of the first (typing in one field is one step per burst, never one per key, and
   * never lost: the text is in the document from the first key on, so autosave has it).
   */
  edit(update: (flow: EditorFlow) => EditorFlow, mergeKey?: string): void;
  /** Replaces the whole document and forgets the undo history (loading, reloading). */
  reset(flow: EditorFlow): void;
  /** Undo / redo one step (they also end any typing burst). */
  undo(): void;
  redo(): void;
};

export type FlowStore = ReturnType<typeof createFlowStore>;

/**
 * The document store of one open bot: zustand with zundo's temporal middleware tracking
 * `flow` only (selection and view state live elsewhere and are never undone). While the
 * canvas drags nodes it pauses tracking (`store.temporal.getState().pause()`) and records
 * the move as one step when the drag ends.
 */
export function createFlowStore(initial: EditorFlow) {
  let pendingKey: string | undefined;
  let lastKey: string | undefined;
  let lastAt = 0;
  const endBurst = () => {
    lastKey = undefined;
  };
  const store = createStore<FlowState>()(
    temporal(
      (set) => ({
        flow: initial,
        edit: (update, mergeKey) => {
          pendingKey = mergeKey;
          try {
            set((state) => {
              const flow = update(state.flow);
              return flow === state.flow ? state : { flow };
            });
          } finally {
            pendingKey = undefined;
          }
        },
        reset: (flow) => {
          store.temporal.getState().pause();
          set({ flow });
          store.temporal.getState().clear();
          store.temporal.getState().resume();
          endBurst();
        },
        undo: () => {
          endBurst();
          store.temporal.getState().undo();
        },
        redo: () => {
          endBurst();
          store.temporal.getState().redo();
        },
      }),
      {
        partialize: (state): Pick<FlowState, 'flow'> => ({ flow: state.flow }),
        equality: (past, current) => past.flow === current.flow,
        limit: undoLimit,
        // zundo's pusher takes (pastState, replace) by its types; no diff or onSave is used here.
        handleSet: (push) => (pastState, replace) => {
          const now = Date.now();
          const merges = pendingKey !== undefined && pendingKey === lastKey && now - lastAt < mergeWindowMs;
          lastKey = pendingKey;
          lastAt = now;
          if (!merges) push(pastState, replace);
        },
      },
    ),
  );
  return store;
}
