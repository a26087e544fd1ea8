import { isEditableFlow } from '../../bot-editor/document/is-editable-flow';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { browserApi } from '../../../trpc/browser-api';

/** The query key of one version's flow (shared by Compare and Restore, so a compared version restores without a second read). */
export function versionFlowKey(botId: string, number: number): readonly ['bots.version', string, number] {
  return ['bots.version', botId, number];
}

/**
 * Reads version `number`'s flow as its author wrote it (bots.version). Rejects with the
 * server's refusal, or when the flow is not in a shape the editor can open (a document
 * with dialogs, elements and edges), saying so.
 */
export async function fetchVersionFlow(botId: string, number: number, signal?: AbortSignal): Promise<EditorFlow> {
  const version = await browserApi.bots.version.query({ id: botId, number }, { signal });
  if (!isEditableFlow(version.flow)) throw new Error(`Version ${number} cannot be shown: its flow is not in a shape the editor opens.`);
  return version.flow;
}
