import { createHash, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { acceptInvitation } from './accept-invitation';
import { createDb } from './create-db';
import { createInvitation } from './create-invitation';
import { createWorkspaceWithOwner } from './create-workspace-with-owner';
import { findInvitationByToken } from './find-invitation-by-token';
import { getMembership } from './get-membership';
import { listInvitations } from './list-invitations';
import { revokeInvitation } from './revoke-invitation';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

const day = 24 * 60 * 60 * 1000;

/** The order of lists: newest first, ties (same millisecond) by id, descending. */
function newestFirst<T extends { id: string; createdAt: Date }>(items: T[]): T[] {
  return [...items].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0));
}

async function setUp() {
  const owner = await db.user.create({ data: { email: `${randomUUID()}@owner.test` } });
  const workspace = await createWorkspaceWithOwner(db, { name: 'Invitations', ownerUserId: owner.id });
  const invitee = await db.user.create({ data: { email: `${randomUUID()}@invitee.test` } });
  return { owner, workspace, invitee };
}

describe('invitations', () => {
  it('creates an invitation with a one-time token whose SHA-256 alone is stored', async () => {
    const { owner, workspace } = await setUp();
    const now = new Date('2030-01-01T00:00:00.000Z');
    const { invitation, token } = await createInvitation(db, {
      workspaceId: workspace.id,
      email: '  Someone@Example.COM ',
      role: 'builder',
      invitedById: owner.id,
      now,
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation).toEqual({
      id: expect.any(String),
      workspaceId: workspace.id,
      email: 'someone@example.com',
      role: 'builder',
      invitedById: owner.id,
      expiresAt: new Date(now.getTime() + 7 * day),
      acceptedAt: null,
      acceptedById: null,
      revokedAt: null,
      createdAt: expect.any(Date),
      status: 'pending',
    });
    expect(invitation).not.toHaveProperty('tokenHash');
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('revokes the pending invitation of the same email when inviting again', async () => {
    const { owner, workspace } = await setUp();
    const first = await createInvitation(db, { workspaceId: workspace.id, email: 'a@x.test', role: 'agent', invitedById: owner.id });
    const other = await createInvitation(db, { workspaceId: workspace.id, email: 'b@x.test', role: 'agent', invitedById: owner.id });
    const second = await createInvitation(db, { workspaceId: workspace.id, email: 'A@X.test', role: 'analyst', invitedById: owner.id });
    const list = await listInvitations(db, workspace.id);
    expect(list.map((i) => i.id)).toEqual(newestFirst([first.invitation, other.invitation, second.invitation]).map((i) => i.id));
    expect(Object.fromEntries(list.map((i) => [i.id, i.status]))).toEqual({
      [second.invitation.id]: 'pending',
      [other.invitation.id]: 'pending',
      [first.invitation.id]: 'revoked',
    });
    for (const item of list) expect(item).not.toHaveProperty('tokenHash');
    expect(await findInvitationByToken(db, first.token)).toMatchObject({ status: 'revoked' });
  });

  it('computes every status and revokes only pending invitations of the workspace', async () => {
    const { owner, workspace, invitee } = await setUp();
    const other = await setUp();
    const now = new Date();
    const expired = await createInvitation(db, { workspaceId: workspace.id, email: 'e@x.test', role: 'agent', invitedById: owner.id, ttlMs: 1000, now: new Date(now.getTime() - 2000) });
    const revoked = await createInvitation(db, { workspaceId: workspace.id, email: 'r@x.test', role: 'agent', invitedById: owner.id });
    const accepted = await createInvitation(db, { workspaceId: workspace.id, email: invitee.email, role: 'agent', invitedById: null });
    const pending = await createInvitation(db, { workspaceId: workspace.id, email: 'p@x.test', role: 'agent', invitedById: owner.id });

    expect(await revokeInvitation(db, { workspaceId: other.workspace.id, invitationId: revoked.invitation.id })).toBe(false);
    expect(await revokeInvitation(db, { workspaceId: workspace.id, invitationId: revoked.invitation.id })).toBe(true);
    expect(await revokeInvitation(db, { workspaceId: workspace.id, invitationId: revoked.invitation.id })).toBe(false);
    expect(await revokeInvitation(db, { workspaceId: workspace.id, invitationId: expired.invitation.id })).toBe(false);
    expect(await revokeInvitation(db, { workspaceId: workspace.id, invitationId: randomUUID() })).toBe(false);
    expect(await acceptInvitation(db, { token: accepted.token, userId: invitee.id, email: invitee.email })).toMatchObject({ ok: true });
    expect(await revokeInvitation(db, { workspaceId: workspace.id, invitationId: accepted.invitation.id })).toBe(false);

    const statuses = Object.fromEntries((await listInvitations(db, workspace.id)).map((i) => [i.id, i.status]));
    expect(statuses).toEqual({
      [expired.invitation.id]: 'expired',
      [revoked.invitation.id]: 'revoked',
      [accepted.invitation.id]: 'accepted',
      [pending.invitation.id]: 'pending',
    });
    expect(await listInvitations(db, other.workspace.id)).toEqual([]);
  });

  it('finds an invitation by its token, and nothing for another token', async () => {
    const { owner, workspace } = await setUp();
    const { invitation, token } = await createInvitation(db, { workspaceId: workspace.id, email: 'f@x.test', role: 'builder', invitedById: owner.id });
    expect(await findInvitationByToken(db, token)).toEqual({
      id: invitation.id,
      workspaceId: workspace.id,
      workspaceName: 'Invitations',
      email: 'f@x.test',
      role: 'builder',
      status: 'pending',
    });
    expect(await findInvitationByToken(db, token, new Date(Date.now() + 8 * day))).toMatchObject({ status: 'expired' });
    expect(await findInvitationByToken(db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await findInvitationByToken(db, 'short')).toBeNull();
    expect(await findInvitationByToken(db, '')).toBeNull();
  });
});

describe('acceptInvitation', () => {
  it('makes the invited user a member once; a second accept gets "accepted"', async () => {
    const { owner, workspace, invitee } = await setUp();
    const { invitation, token } = await createInvitation(db, { workspaceId: workspace.id, email: invitee.email.toUpperCase(), role: 'builder', invitedById: owner.id });
    const now = new Date();
    expect(await acceptInvitation(db, { token, userId: invitee.id, email: ` ${invitee.email.toUpperCase()}`, now })).toEqual({
      ok: true,
      workspaceId: workspace.id,
      role: 'builder',
    });
    expect(await getMembership(db, { workspaceId: workspace.id, userId: invitee.id })).toMatchObject({ role: 'builder' });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ acceptedAt: now, acceptedById: invitee.id });
    expect(await acceptInvitation(db, { token, userId: invitee.id, email: invitee.email })).toEqual({ ok: false, reason: 'accepted' });
  });

  it('lets exactly one of concurrent accepts succeed', async () => {
    const { owner, workspace, invitee } = await setUp();
    const { token } = await createInvitation(db, { workspaceId: workspace.id, email: invitee.email, role: 'agent', invitedById: owner.id });
    const results = await Promise.all(Array.from({ length: 6 }, () => acceptInvitation(db, { token, userId: invitee.id, email: invitee.email })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 5 }, () => ({ ok: false, reason: 'accepted' })));
    expect(await db.membership.count({ where: { workspaceId: workspace.id, userId: invitee.id } })).toBe(1);
  });

  it('refuses unknown, expired, revoked and other people’s invitations, writing nothing', async () => {
    const { owner, workspace, invitee } = await setUp();
    const accept = (token: string, now?: Date) => acceptInvitation(db, { token, userId: invitee.id, email: invitee.email, ...(now ? { now } : {}) });
    expect(await accept('not-a-token')).toEqual({ ok: false, reason: 'not-found' });
    expect(await accept('A'.repeat(43))).toEqual({ ok: false, reason: 'not-found' });

    const soon = await createInvitation(db, { workspaceId: workspace.id, email: invitee.email, role: 'agent', invitedById: owner.id, ttlMs: 60_000 });
    expect(await accept(soon.token, new Date(Date.now() + 61_000))).toEqual({ ok: false, reason: 'expired' });

    const revoked = await createInvitation(db, { workspaceId: workspace.id, email: invitee.email, role: 'agent', invitedById: owner.id });
    await revokeInvitation(db, { workspaceId: workspace.id, invitationId: revoked.invitation.id });
    expect(await accept(revoked.token)).toEqual({ ok: false, reason: 'revoked' });

    const someoneElse = await createInvitation(db, { workspaceId: workspace.id, email: 'someone-else@x.test', role: 'owner', invitedById: owner.id });
    expect(await accept(someoneElse.token)).toEqual({ ok: false, reason: 'email-mismatch' });
    expect(await findInvitationByToken(db, someoneElse.token)).toMatchObject({ status: 'pending' });
    expect(await getMembership(db, { workspaceId: workspace.id, userId: invitee.id })).toBeNull();
  });

  it('keeps the higher role of a user who already is a member', async () => {
    const { owner, workspace, invitee } = await setUp();
    const invite = async (role: 'owner' | 'builder' | 'agent' | 'analyst') => {
      const { token } = await createInvitation(db, { workspaceId: workspace.id, email: invitee.email, role, invitedById: owner.id });
      return acceptInvitation(db, { token, userId: invitee.id, email: invitee.email });
    };
    expect(await invite('agent')).toMatchObject({ ok: true, role: 'agent' });
    // Equal rank: agent and analyst are not ordered, the current role stays.
    expect(await invite('analyst')).toMatchObject({ ok: true, role: 'agent' });
    expect(await invite('builder')).toMatchObject({ ok: true, role: 'builder' });
    expect(await invite('agent')).toMatchObject({ ok: true, role: 'builder' });
    // The owner accepting an invitation to their own workspace stays owner.
    const { token } = await createInvitation(db, { workspaceId: workspace.id, email: owner.email, role: 'analyst', invitedById: owner.id });
    expect(await acceptInvitation(db, { token, userId: owner.id, email: owner.email })).toMatchObject({ ok: true, role: 'owner' });
    expect(await getMembership(db, { workspaceId: workspace.id, userId: invitee.id })).toMatchObject({ role: 'builder' });
  });

  it('accepts inside a caller’s transaction and rolls back with it', async () => {
    const { owner, workspace, invitee } = await setUp();
    const { token } = await createInvitation(db, { workspaceId: workspace.id, email: invitee.email, role: 'analyst', invitedById: owner.id });
    await expect(
      db.$transaction(async (tx) => {
        expect(await acceptInvitation(tx, { token, userId: invitee.id, email: invitee.email })).toMatchObject({ ok: true });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await findInvitationByToken(db, token)).toMatchObject({ status: 'pending' });
    expect(await getMembership(db, { workspaceId: workspace.id, userId: invitee.id })).toBeNull();
  });
});
