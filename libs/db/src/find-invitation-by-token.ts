import { memberRoleSchema, type MemberRole } from './column-schemas';
import type { Tx } from './create-db';
import { invitationStatus, type InvitationStatus } from './invitation-status';
import { invitationTokenSchema } from './invitation-token-schema';
import { sha256Hex } from './sha256-hex';

/** What an invitation link's page shows before the visitor accepts. */
export type InvitationByToken = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: MemberRole;
  status: InvitationStatus;
};

/**
 * The invitation a link's token opens (found by the token's SHA-256), whatever its
 * status at `now`, or null for an unknown or malformed token. Reads across workspaces
 * (the visitor is not a member yet): call it with the API's `Db`, not inside
 * withWorkspaceScope.
 */
export async function findInvitationByToken(db: Tx, token: string, now: Date = new Date()): Promise<InvitationByToken | null> {
  if (!invitationTokenSchema.safeParse(token).success) return null;
  const row = await db.invitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: {
      id: true,
      workspaceId: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { name: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    workspaceName: row.workspace.name,
    email: row.email,
    role: memberRoleSchema.parse(row.role),
    status: invitationStatus(row, now),
  };
}
