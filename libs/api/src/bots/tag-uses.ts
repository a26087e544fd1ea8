import type { FlowIssue } from '@parley/engine';
import { flowElements } from '../components/flow-elements';

/** One element's use of Inbox tags (Conversation tags, To Agent), with where it is. */
export type TagUse = { path: string; dialogId: string; elementId: string; tags: string[] };

/** Element types whose `tags` name Inbox tags. */
const taggingTypes = new Set(['conversation-tags', 'to-agent']);

/**
 * Every use of Inbox tags in a flow document's dialogs (and in the dialogs of the
 * components it embeds), read leniently: the document is only walked, never trusted.
 */
export function tagUsesOf(document: unknown): TagUse[] {
  return flowElements(document).flatMap(({ element, path, dialogId, elementId }): TagUse[] => {
    if (typeof element['type'] !== 'string' || !taggingTypes.has(element['type'])) return [];
    const tags = Array.isArray(element['tags']) ? element['tags'].filter((tag): tag is string => typeof tag === 'string') : [];
    return tags.length === 0 ? [] : [{ path, dialogId: String(dialogId), elementId: String(elementId), tags }];
  });
}

/**
 * Warnings for the tags of `uses` the workspace's Inbox does not define (`defined`):
 * rule `tag-not-defined`, one per element and tag; `created` says they were just
 * created (publishing), otherwise that publishing will create them.
 */
export function tagWarnings(uses: readonly TagUse[], defined: ReadonlySet<string>, created: boolean): FlowIssue[] {
  return uses.flatMap((use) =>
    use.tags
      .filter((tag) => !defined.has(tag))
      .map((tag) => ({
        path: `${use.path}.tags`,
        dialogId: use.dialogId,
        elementId: use.elementId,
        field: 'tags',
        rule: 'tag-not-defined',
        message: created
          ? `Tag "${tag}" was not defined in the Inbox: publishing created it.`
          : `Tag "${tag}" is not defined in the Inbox yet: it is created when the bot is published.`,
      })),
  );
}
