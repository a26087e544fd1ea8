import type { EditorFlow } from './editor-flow';

/** What the editor's list link, titles and messages call the document and where its list is. */
export type EditingLabels = {
  /** 'bot' or 'component': "Publish bot", "Rename component" … */
  noun: string;
  /** The toolbar's link back to the list: its page, accessible name ("All bots") and text ("← Bots"). */
  listHref: string;
  listLabel: string;
  listText: string;
};

/**
 * What the editor shell edits (a bot's draft or a component's), as functions over the
 * editor's flow: the shell saves, reloads, publishes and renames through them and never
 * knows which API is behind. Functions must stay the same for the life of the shell.
 */
export type EditingTarget = {
  /** Identifies the document across this browser's tabs (save notices), e.g. the bot id. */
  key: string;
  labels: EditingLabels;
  /** Saves `flow` as the draft (errors allowed: a work in progress) unless the draft moved past `expectedRevision` (then a CONFLICT error). */
  saveDraft(flow: EditorFlow, expectedRevision: number): Promise<{ draftRevision: number }>;
  /** The saved draft's revision and who saved it (null: not known). */
  remoteState(): Promise<{ draftRevision: number; updatedBy: string | null }>;
  /** The saved draft as a flow, for "Reload their version". */
  loadDraft(): Promise<{ flow: EditorFlow; draftRevision: number }>;
  /** Publishes the saved draft; `note` only when `publishNote`. */
  publish(note: string | undefined): Promise<{ version: number }>;
  /** True when a published version carries a note (the Publish dialog asks for one). */
  publishNote: boolean;
  rename(name: string): Promise<{ name: string }>;
  /** The document Export downloads for the flow in the editor: file name and JSON value. */
  exportFile(flow: EditorFlow): { fileName: string; document: unknown };
  /**
   * Present: Versions shows this read-only list (number and date); absent: the bot's
   * version history (compare, restore).
   */
  listVersions?: () => Promise<readonly { number: number; publishedAt: string }[]>;
};

/** A file name from a document's name: runs of other characters become '-', e.g. "Ask email" → "Ask-email". */
export function exportFileName(name: string, fallback: string, extension: string): string {
  return `${name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || fallback}${extension}`;
}
