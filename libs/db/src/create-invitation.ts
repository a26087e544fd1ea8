import { randomBytes } from 'node:crypto';
import { memberRoleSchema, type MemberRole } from './column-schemas';
import type { Tx } from './create-db';
import { normalizeEmail } from './normalize-email';
import { runInTransaction } from './run-in-transaction';
import { sha256Hex } from './sha256-hex';
import { toInvitation, type Invitation } from './to-invitation';

export type CreateInvitationInput = {
  workspaceId: string;
  /** Stored trimmed and lower-cased; only a user signed in with this address can accept. */
  email: string;
  role: MemberRole;
  /** The inviting user (null: made by the operator). */
  invitedById: string | null;
  /** How long the link works (default 7 days). */
  ttlMs?: number;
  now?: Date;
};

/** Default lifetime of an invitation link. */
export const invitationTtlMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Creates an invitation and returns it with its token, the secret of the link, which
 * exists only in this return value: the row keeps its SHA-256 (a token is 256 random
 * bits, so a fast hash cannot be reversed by guessing). A still-pending invitation of
 * the same email to the same workspace is revoked first, in the same transaction (its
 * own, given a `Db`; the caller's, given a `Tx`), so one address has one live link.
 */
export async function createInvitation(db: Tx, input: CreateInvitationInput): Promise<{ invitation: Invitation; token: string }> {
  const now = input.now ?? new Date();
  const ttlMs = input.ttlMs ?? invitationTtlMs;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`An invitation's ttlMs must be a positive number, got ${ttlMs}`);
  const email = normalizeEmail(input.email);
  const role = memberRoleSchema.parse(input.role);
  const token = randomBytes(32).toString('base64url');
  return runInTransaction(db, async (tx) => {
    await tx.invitation.updateMany({
      where: { workspaceId: input.workspaceId, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    const row = await tx.invitation.create({
      data: {
        workspaceId: input.workspaceId,
        email,
        role,
        tokenHash: sha256Hex(token),
        invitedById: input.invitedById,
        expiresAt: new Date(now.getTime() + ttlMs),
      },
      omit: { tokenHash: true },
    });
    return { invitation: toInvitation(row, now), token };
  });
}
