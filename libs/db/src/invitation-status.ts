import { z } from 'zod';

/**
 * Where an invitation stands, computed from its row: 'accepted' once used, else
 * 'revoked' once revoked, else 'expired' from its expiry on, else 'pending' (usable).
 */
export const invitationStatusSchema = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

/** The status of an invitation row at `now` (see invitationStatusSchema). */
export function invitationStatus(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}
