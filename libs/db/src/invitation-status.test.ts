import { describe, expect, it } from 'vitest';
import { invitationStatus } from './invitation-status';

describe('invitationStatus', () => {
  const now = new Date('2030-01-01T00:00:00.000Z');
  const later = new Date(now.getTime() + 1);
  const earlier = new Date(now.getTime() - 1);

  it('is pending until it expires, expired from its expiry on', () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('pending');
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('expired');
  });

  it('is accepted or revoked for good, whatever its expiry', () => {
    expect(invitationStatus({ acceptedAt: earlier, revokedAt: null, expiresAt: earlier }, now)).toBe('accepted');
    expect(invitationStatus({ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe('revoked');
    expect(invitationStatus({ acceptedAt: earlier, revokedAt: earlier, expiresAt: later }, now)).toBe('accepted');
  });
});
