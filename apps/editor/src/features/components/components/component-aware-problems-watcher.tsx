'use client';

import type { FlowValidation } from '@parley/engine';
import { useCallback } from 'react';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { ProblemsWatcher } from '../../bot-editor/components/problems-watcher';
import { checkBotFlow } from '../model/check-bot-flow';
import type { ResolvedComponent } from '../model/resolved-component';
import { useResolvedComponents } from '../hooks/use-resolved-components';

/** Checks a document with the components it uses: a bot's (checkBotFlow) or a component's. */
export type ComponentAwareCheck = (flow: EditorFlow, resolved: readonly ResolvedComponent[], pending: ReadonlySet<string>) => FlowValidation;

/**
 * The ProblemsWatcher of an open draft that may use components: the document is checked
 * with the components its Component elements use (useResolvedComponents), so a Component
 * element is checked against the component's inputs and outputs as the API does, and
 * again when they load. `check` defaults to a bot's check. Renders nothing.
 */
export function ComponentAwareProblemsWatcher({ check = checkBotFlow }: { check?: ComponentAwareCheck | undefined }) {
  const { resolved, pending } = useResolvedComponents();
  const validate = useCallback((flow: EditorFlow) => check(flow, resolved, pending), [check, resolved, pending]);
  return <ProblemsWatcher validate={validate} />;
}
