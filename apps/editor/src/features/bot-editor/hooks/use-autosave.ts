'use client';

import { TRPCClientError } from '@trpc/client';
import { useEffect, useState } from 'react';
import { browserApi, describeClientError } from '../../../trpc/browser-api';
import { AutosaveController, type SaveStatus } from '../document/autosave-controller';
import { isEditableFlow } from '../document/is-editable-flow';
import { useFlowStore } from '../store/editor-stores';

/** How often an open editor asks whether a teammate saved the bot. */
export const remoteCheckMs = 3000;

const channelName = 'parley-draft-saves';
type SaveNotice = { botId: string; revision: number; tabId: string };

function isSaveNotice(value: unknown): value is SaveNotice {
  return value !== null && typeof value === 'object' && 'botId' in value && 'revision' in value && 'tabId' in value;
}

/**
 * Wires an AutosaveController to the API and the open document: saves a moment after each
 * edit (drafts with errors included: `allowErrors`), learns at once when another tab of
 * this browser saved (BroadcastChannel) and within remoteCheckMs when a teammate did
 * (bots.draftState). Read-only viewers (`enabled` false) never save.
 */
export function useAutosave(botId: string, initialRevision: number, enabled: boolean): { controller: AutosaveController; status: SaveStatus; revision: number } {
  const flowStore = useFlowStore();
  const [view, setView] = useState<{ status: SaveStatus; revision: number }>({ status: { kind: 'saved' }, revision: initialRevision });
  const [controller] = useState(() => {
    let channel: BroadcastChannel | null = null;
    const tabId = crypto.randomUUID();
    const created = new AutosaveController(
      {
        currentFlow: () => flowStore.getState().flow,
        replaceFlow: (flow) => flowStore.getState().reset(flow),
        saveDraft: (flow, expectedRevision) => browserApi.bots.saveDraft.mutate({ id: botId, draft: flow, expectedRevision, allowErrors: true }),
        remoteState: async () => {
          const remote = await browserApi.bots.draftState.query({ id: botId });
          return { draftRevision: remote.draftRevision, updatedBy: remote.updatedBy?.name ?? null };
        },
        loadDraft: async () => {
          const bot = await browserApi.bots.get.query({ id: botId });
          if (!isEditableFlow(bot.draft)) throw new Error('The saved draft is not a flow the editor can open.');
          return { flow: bot.draft, draftRevision: bot.draftRevision };
        },
        announce: (revision) => {
          if (typeof BroadcastChannel === 'undefined') return;
          channel ??= new BroadcastChannel(channelName);
          channel.postMessage({ botId, revision, tabId } satisfies SaveNotice);
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
        if (isSaveNotice(notice) && notice.botId === botId && notice.tabId !== controller.tabId && notice.revision > controller.currentRevision) void controller.checkRemote();
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
  }, [botId, controller, enabled, flowStore]);

  return { controller, status: view.status, revision: view.revision };
}
