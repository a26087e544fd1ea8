import { z } from 'zod';
import { memberRoleSchema, type MemberRole } from './column-schemas';
import type { Tx } from './create-db';

const lockedRowSchema = z.object({ id: z.string(), userId: z.string(), role: memberRoleSchema });

/**
 * Locks (FOR UPDATE, in id order) `userId`'s membership of `workspaceId` and every owner
 * membership of it, and returns the member (null if none) and the number of owners.
 * Two transactions changing members of one workspace therefore serialize on the owner
 * rows: the later one sees the owners as the earlier one left them (a row no longer
 * 'owner' drops out when re-checked after the wait), so concurrent demotions or
 * removals cannot leave a workspace without an owner. Must run in a transaction.
 */
export async function lockMemberAndOwners(
  tx: Tx,
  workspaceId: string,
  userId: string,
): Promise<{ member: { id: string; role: MemberRole } | null; owners: number }> {
  const rows = lockedRowSchema.array().parse(
    await tx.$queryRaw`SELECT "id", "userId", "role" FROM "Membership"
      WHERE "workspaceId" = ${workspaceId} AND ("role" = 'owner' OR "userId" = ${userId})
      ORDER BY "id" FOR UPDATE`,
  );
  const member = rows.find((row) => row.userId === userId);
  return { member: member ? { id: member.id, role: member.role } : null, owners: rows.filter((row) => row.role === 'owner').length };
}
