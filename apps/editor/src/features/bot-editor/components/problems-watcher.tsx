'use client';

import { validateFlow, type FlowValidation } from '@parley/engine';
import type { EditorFlow } from '../document/editor-flow';
import { useEffect } from 'react';
import { useFlowStore, useProblemsStore } from '../store/editor-stores';

/** Quiet time after an edit before the document is checked again. */
export const checkDelayMs = 250;

/**
 * Keeps the problems store current: runs `validate` (default: validateFlow, the engine's
 * own rules, the same the API applies when saving and publishing) on the document a moment
 * after each edit, and at once when `validate` changes (e.g. the components a bot uses have
 * loaded). A component's editor passes a check of the component (see checkComponentFlow).
 * Renders nothing.
 */
export function ProblemsWatcher({ validate = validateFlow }: { validate?: ((flow: EditorFlow) => FlowValidation) | undefined }) {
  const flowStore = useFlowStore();
  const problemsStore = useProblemsStore();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const { errors, warnings } = validate(flowStore.getState().flow);
      problemsStore.getState().setIssues(errors, warnings);
    };
    check();
    const unsubscribe = flowStore.subscribe((state, previous) => {
      if (state.flow === previous.flow) return;
      clearTimeout(timer);
      timer = setTimeout(check, checkDelayMs);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [flowStore, problemsStore, validate]);
  return null;
}
