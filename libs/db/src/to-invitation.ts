import { memberRoleSchema, type MemberRole } from './column-schemas';
import type { Invitation as InvitationRow } from './generated/client';
import { invitationStatus, type InvitationStatus } from './invitation-status';

/** An invitation as repositories return it: never its token or the token's hash. */
export type Invitation = {
  id: string;
  workspaceId: string;
  /** Lower-cased. */
  email: string;
  role: MemberRole;
  invitedById: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedById: string | null;
  revokedAt: Date | null;
  createdAt: Date;
  status: InvitationStatus;
};

/** The invitation of a row read without `tokenHash`, with its status at `now`. */
export function toInvitation(row: Omit<InvitationRow, 'tokenHash'>, now: Date): Invitation {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    email: row.email,
    role: memberRoleSchema.parse(row.role),
    invitedById: row.invitedById,
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
    acceptedById: row.acceptedById,
    revokedAt: row.revokedAt,
    createdAt: row.createdAt,
    status: invitationStatus(row, now),
  };
}
