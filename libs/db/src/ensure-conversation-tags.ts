import type { Tx } from './create-db';

/**
 * Makes every name of `tags` an Inbox tag of the workspace: creates those it does not
 * define yet, in one statement (concurrent callers creating the same tag are fine).
 * Returns the tags created now, in the order given, without duplicates. Tags a bot
 * uses are never dropped: publishing a bot creates the ones it names, and so does
 * using one at run time that was deleted since.
 */
export async function ensureConversationTags(tx: Tx, workspaceId: string, tags: readonly string[]): Promise<string[]> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return [];
  const rows = await tx.$queryRaw<{ name: string }[]>`
    INSERT INTO "ConversationTag" ("id", "workspaceId", "name")
    SELECT gen_random_uuid()::text, ${workspaceId}, name FROM unnest(${unique}::text[]) AS name
    ON CONFLICT ("workspaceId", "name") DO NOTHING
    RETURNING "name"`;
  const created = new Set(rows.map((row) => row.name));
  return unique.filter((tag) => created.has(tag));
}
