'use client';

import { validateFlow } from '@parley/engine';
import { useEffect } from 'react';
import { useFlowStore, useProblemsStore } from '../store/editor-stores';

/** Quiet time after an edit before the document is checked again. */
export const checkDelayMs = 250;

/**
 * Keeps the problems store current: runs validateFlow (the engine's own rules, the same the
 * API applies when saving and publishing) on the document a moment after each edit.
 * Renders nothing.
 */
export function ProblemsWatcher() {
  const flowStore = useFlowStore();
  const problemsStore = useProblemsStore();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const { errors, warnings } = validateFlow(flowStore.getState().flow);
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
  }, [flowStore, problemsStore]);
  return null;
}
