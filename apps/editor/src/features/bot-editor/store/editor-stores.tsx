'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorFlow } from '../document/editor-flow';
import { createFlowStore, type FlowState, type FlowStore } from './flow-store';
import { createProblemsStore, noProblems, type ElementProblems, type ProblemsState, type ProblemsStore } from './problems-store';
import { createSelectionStore, type SelectionState, type SelectionStore } from './selection-store';

type EditorStores = { flow: FlowStore; selection: SelectionStore; problems: ProblemsStore };

const EditorStoresContext = createContext<EditorStores | null>(null);

/**
 * Gives its children the stores of one open document (a bot's draft, a component's draft,
 * or a read-only version in the diff view). The stores are created once from `flow`;
 * remount the provider (React `key`) to open another document.
 */
export function EditorStoresProvider({ flow, children }: { flow: EditorFlow; children: ReactNode }) {
  const [stores] = useState<EditorStores>(() => ({
    flow: createFlowStore(flow),
    selection: createSelectionStore(flow.entryDialogId || (flow.dialogs[0]?.id ?? '')),
    problems: createProblemsStore(),
  }));
  return <EditorStoresContext.Provider value={stores}>{children}</EditorStoresContext.Provider>;
}

function useEditorStores(): EditorStores {
  const stores = useContext(EditorStoresContext);
  if (!stores) throw new Error('useFlow/useSelection/useProblems must be used inside <EditorStoresProvider>');
  return stores;
}

/** Reads from the document store; re-renders only when the selected value changes (Object.is). */
export function useFlow<T>(selector: (state: FlowState) => T): T {
  return useStore(useEditorStores().flow, selector);
}

/** The document store itself, for event handlers (getState().edit, temporal undo state ...). */
export function useFlowStore(): FlowStore {
  return useEditorStores().flow;
}

/** Reads from the selection store. */
export function useSelection<T>(selector: (state: SelectionState) => T): T {
  return useStore(useEditorStores().selection, selector);
}

/** The selection store itself, for event handlers. */
export function useSelectionStore(): SelectionStore {
  return useEditorStores().selection;
}

/** Whether undo / redo have a step to take (for buttons and menus). */
export function useUndoAvailability(): { canUndo: boolean; canRedo: boolean } {
  const temporalStore = useEditorStores().flow.temporal;
  const canUndo = useStore(temporalStore, (state) => state.pastStates.length > 0);
  const canRedo = useStore(temporalStore, (state) => state.futureStates.length > 0);
  return { canUndo, canRedo };
}

/** Reads from the problems store (validateFlow's issues of the document, a moment after each edit). */
export function useProblems<T>(selector: (state: ProblemsState) => T): T {
  return useStore(useEditorStores().problems, selector);
}

/** The problems store itself (ProblemsWatcher writes it). */
export function useProblemsStore(): ProblemsStore {
  return useEditorStores().problems;
}

/** One element's errors and warnings (a stable object while they do not change). */
export function useElementProblems(elementId: string): ElementProblems {
  return useProblems((state) => state.byElement.get(elementId) ?? noProblems);
}
