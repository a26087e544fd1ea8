'use client';

import { TRPCClientError } from '@trpc/client';
import { useEffect, useState } from 'react';
import { describeClientError } from '../../../trpc/browser-api';
import { AutosaveController, type SaveStatus } from '../document/autosave-controller';
import type { EditingTarget } from '../document/editing-target';
import { useFlowStore } from '../store/editor-stores';

/** How often an open editor asks whether a teammate saved the draft. */
export const remoteCheckMs = 3000;

const channelName = 'parley-draft-saves';
type SaveNotice = { key: string; revision: number; tabId: string };

function isSaveNotice(value: unknown): value is SaveNotice {
  return value !== null && typeof value === 'object' && 'key' in value && 'revision' in value && 'tabId' in value;
}

/**
 * Wires an AutosaveController to the editing target (a bot's or a component's draft, see
 * EditingTarget) and the open document: saves a moment after each edit (drafts with
 * errors included), learns at once when another tab of this browser saved
 * (BroadcastChannel) and within remoteCheckMs when a teammate did (`remoteState`).
 * Read-only viewers (`enabled` false) never save.
 */
export function useAutosave(target: EditingTarget, initialRevision: number, enabled: boolean): { controller: AutosaveController; status: SaveStatus; revision: number } {
  const key = target.key;
  const flowStore = useFlowStore();
  const [view, setView] = useState<{ status: SaveStatus; revision: number }>({ status: { kind: 'saved' }, revision: initialRevision });
  const [controller] = useState(() => {
    let channel: BroadcastChannel | null = null;
    const tabId = crypto.randomUUID();
    const created = new AutosaveController(
      {
        currentFlow: () => flowStore.getState().flow,
        replaceFlow: (flow) => flowStore.getState().reset(flow),
        saveDraft: (flow, expectedRevision) => target.saveDraft(flow, expectedRevision),
        remoteState: () => target.remoteState(),
        loadDraft: () => target.loadDraft(),
        noun: target.labels.noun,
        announce: (revision) => {
          if (typeof BroadcastChannel === 'undefined') return;
          channel ??= new BroadcastChannel(channelName);
          channel.postMessage({ key, revision, tabId } satisfies SaveNotice);
        },
        isConflict: (error) => error instanceof TRPCClientError && error.data?.code === 'CONFLICT',
        describe: describeClientError,
        onChange: (status, revision) => setView({ status, revision }),
        setTimer: (run, ms) => setTimeout(run, ms),
        clearTimer: (timer) => clearTimeout(timer),
      },
      initialRevision,
    );
    return Object.assign(created, { tabId, closeChannel: () => channel?.close() });
  });

  useEffect(() => {
    if (!enabled) return;
    const unsubscribe = flowStore.subscribe((next, previous) => {
      if (next.flow !== previous.flow) controller.edited();
    });
    const timer = setInterval(() => void controller.checkRemote(), remoteCheckMs);
    const listener = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName);
    if (listener) {
      listener.onmessage = (event: MessageEvent<unknown>) => {
        const notice = event.data;
        if (isSaveNotice(notice) && notice.key === key && notice.tabId !== controller.tabId && notice.revision > controller.currentRevision) void controller.checkRemote();
      };
    }
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (controller.dirty) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unsubscribe();
      clearInterval(timer);
      listener?.close();
      controller.closeChannel();
      controller.dispose();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [key, controller, enabled, flowStore]);

  return { controller, status: view.status, revision: view.revision };
}
