import type { Tx } from './create-db';

/**
 * Splits `tags` into those defined as Inbox tags of the workspace (`known`) and the rest
 * (`unknown`), each in the order given, without duplicates.
 */
export async function splitKnownConversationTags(
  tx: Tx,
  workspaceId: string,
  tags: readonly string[],
): Promise<{ known: string[]; unknown: string[] }> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return { known: [], unknown: [] };
  const rows = await tx.conversationTag.findMany({ where: { workspaceId, name: { in: unique } }, select: { name: true } });
  const defined = new Set(rows.map((row) => row.name));
  return { known: unique.filter((tag) => defined.has(tag)), unknown: unique.filter((tag) => !defined.has(tag)) };
}
