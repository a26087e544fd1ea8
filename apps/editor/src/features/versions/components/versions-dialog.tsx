'use client';

import type { EditorFlow } from '../../bot-editor/document/editor-flow';

export type VersionsDialogProps = {
  botId: string;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The open draft (compare a version with it). */
  draft: EditorFlow;
  /** After bots.restoreVersion succeeded: the restored flow and the draft's new revision. */
  onRestored(flow: EditorFlow, draftRevision: number): void;
};

/** PLACEHOLDER (the versions area replaces it): version history, restore and visual diff. */
export function VersionsDialog(_props: VersionsDialogProps) {
  return null;
}
