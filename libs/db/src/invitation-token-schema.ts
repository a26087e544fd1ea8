import { z } from 'zod';

/**
 * An invitation link's token: 32 random bytes as unpadded base64url (43 characters).
 * Only its SHA-256 (hex) is stored, in Invitation.tokenHash; a token of another shape
 * is not looked up at all.
 */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
