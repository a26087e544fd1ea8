'use client';

import { useState } from 'react';
import { browserApi } from '../../../trpc/browser-api';
import { exportFileName, type EditingTarget } from '../document/editing-target';
import type { EditorFlow } from '../document/editor-flow';
import { isEditableFlow } from '../document/is-editable-flow';
import { EditorShell } from './editor-shell';

export type BotEditorProps = {
  bot: { id: string; name: string; draft: EditorFlow; draftRevision: number; latestVersion: number | null };
  /** Builders and owners edit; analysts look. */
  canEdit: boolean;
};

/** The editing target of a bot: its draft through the bots router (bots.saveDraft with allowErrors, draftState, publish with a note, update). */
export function botEditingTarget(botId: string, currentName: () => string): EditingTarget {
  return {
    key: `bot:${botId}`,
    labels: { noun: 'bot', listHref: '/bots', listLabel: 'All bots', listText: '← Bots' },
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
    publish: (note) => browserApi.bots.publish.mutate({ id: botId, ...(note ? { note } : {}) }),
    publishNote: true,
    rename: (name) => browserApi.bots.update.mutate({ id: botId, name }),
    exportFile: (flow) => ({ fileName: exportFileName(currentName(), 'bot', '.parley.json'), document: flow }),
  };
}

/**
 * The visual editor of one bot (EditorShell with the bot's editing target): dialogs and
 * the element palette on the left, the open dialog's canvas in the middle, the selected
 * element's settings on the right; saved automatically.
 */
export function BotEditor({ bot, canEdit }: BotEditorProps) {
  const [name] = useState(() => ({ current: bot.name }));
  const [target] = useState(() => botEditingTarget(bot.id, () => name.current));
  return <EditorShell target={target} initial={bot} canEdit={canEdit} onRenamed={(next) => (name.current = next)} />;
}
