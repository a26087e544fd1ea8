import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { changeMemberRole } from './change-member-role';
import { createDb } from './create-db';
import { createWorkspaceWithOwner } from './create-workspace-with-owner';
import { getMembership } from './get-membership';
import { listMembers } from './list-members';
import { listUserWorkspaces } from './list-user-workspaces';
import { MembershipError } from './membership-error';
import { removeMember } from './remove-member';
import { workspaceSlugSchema } from './to-workspace-slug';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

async function newUser(name = 'Ann') {
  return db.user.create({ data: { email: `${randomUUID()}@members.test`, name } });
}

/** A workspace with an owner and, per given role, one more member. */
async function workspaceWith(...roles: Array<'owner' | 'builder' | 'agent' | 'analyst'>) {
  const owner = await newUser('Owner');
  const workspace = await createWorkspaceWithOwner(db, { name: `Members ${randomUUID()}`, ownerUserId: owner.id });
  const others = [];
  for (const role of roles) {
    const user = await newUser(role);
    await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
    others.push(user);
  }
  return { workspace, owner, others };
}

describe('createWorkspaceWithOwner', () => {
  it('creates the workspace and its owner membership, with a slug from the name', async () => {
    const owner = await newUser();
    const id = randomUUID();
    const name = `Ünïcode & Co ${id}`;
    const workspace = await createWorkspaceWithOwner(db, { name: `  ${name} `, ownerUserId: owner.id });
    expect(workspace.name).toBe(name);
    expect(workspace.slug).toBe(`unicode-co-${id}`.slice(0, 40).replace(/-+$/, ''));
    expect(workspaceSlugSchema.safeParse(workspace.slug).success).toBe(true);
    expect(await getMembership(db, { workspaceId: workspace.id, userId: owner.id })).toEqual({
      id: expect.any(String),
      workspaceId: workspace.id,
      userId: owner.id,
      role: 'owner',
    });
  });

  it('makes a taken slug unique with a short random suffix, within 40 characters', async () => {
    const owner = await newUser();
    const slug = `taken-${randomUUID()}`.slice(0, 40);
    const first = await createWorkspaceWithOwner(db, { name: 'One', ownerUserId: owner.id, slug });
    const second = await createWorkspaceWithOwner(db, { name: 'Two', ownerUserId: owner.id, slug });
    const third = await createWorkspaceWithOwner(db, { name: 'Three', ownerUserId: owner.id, slug });
    expect(first.slug).toBe(slug);
    for (const other of [second, third]) {
      expect(other.slug).toMatch(/^taken-[a-z0-9-]+-[a-z0-9]{6}$/);
      expect(other.slug.length).toBeLessThanOrEqual(40);
      expect(workspaceSlugSchema.safeParse(other.slug).success).toBe(true);
    }
    expect(new Set([first.slug, second.slug, third.slug]).size).toBe(3);
  });

  it('gives concurrent creations of one name distinct slugs', async () => {
    const owner = await newUser();
    const name = `Race ${randomUUID().slice(0, 8)}`;
    const created = await Promise.all(Array.from({ length: 5 }, () => createWorkspaceWithOwner(db, { name, ownerUserId: owner.id })));
    expect(new Set(created.map((w) => w.slug)).size).toBe(5);
    expect(created.filter((w) => w.slug === name.toLowerCase().replace(' ', '-'))).toHaveLength(1);
  });

  it('works inside a caller’s transaction, also when the slug is taken, and rolls back with it', async () => {
    const owner = await newUser();
    const slug = `tx-${randomUUID()}`.slice(0, 30);
    await createWorkspaceWithOwner(db, { name: 'First', ownerUserId: owner.id, slug });
    const created = await db.$transaction(async (tx) => {
      const workspace = await createWorkspaceWithOwner(tx, { name: 'Second', ownerUserId: owner.id, slug });
      // The transaction is still usable after the conflict.
      expect(await tx.membership.count({ where: { workspaceId: workspace.id } })).toBe(1);
      return workspace;
    });
    expect(created.slug).not.toBe(slug);

    await expect(
      db.$transaction(async (tx) => {
        await createWorkspaceWithOwner(tx, { name: 'Rolled back', ownerUserId: owner.id, slug: `rb-${slug}` });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.workspace.count({ where: { slug: `rb-${slug}` } })).toBe(0);
  });

  it('creates neither workspace nor membership for an unknown user', async () => {
    const slug = `ghost-${randomUUID()}`.slice(0, 40);
    await expect(createWorkspaceWithOwner(db, { name: 'Ghost', ownerUserId: randomUUID(), slug })).rejects.toThrow();
    expect(await db.workspace.count({ where: { slug } })).toBe(0);
  });

  it('refuses a blank name', async () => {
    const owner = await newUser();
    await expect(createWorkspaceWithOwner(db, { name: '   ', ownerUserId: owner.id })).rejects.toThrow(/blank/);
  });
});

describe('listUserWorkspaces, getMembership, listMembers', () => {
  it('lists a user’s workspaces by name with their role', async () => {
    const user = await newUser();
    const other = await newUser();
    const zed = await createWorkspaceWithOwner(db, { name: 'Zed', ownerUserId: user.id });
    const alpha = await createWorkspaceWithOwner(db, { name: 'Alpha', ownerUserId: other.id });
    await db.membership.create({ data: { workspaceId: alpha.id, userId: user.id, role: 'analyst' } });
    await createWorkspaceWithOwner(db, { name: 'Not mine', ownerUserId: other.id });
    expect(await listUserWorkspaces(db, user.id)).toEqual([
      { id: alpha.id, name: 'Alpha', slug: alpha.slug, role: 'analyst' },
      { id: zed.id, name: 'Zed', slug: zed.slug, role: 'owner' },
    ]);
    expect(await listUserWorkspaces(db, randomUUID())).toEqual([]);
    expect(await getMembership(db, { workspaceId: zed.id, userId: other.id })).toBeNull();
  });

  it('lists members with email, name, role and when they joined', async () => {
    const { workspace, owner, others } = await workspaceWith('builder', 'agent');
    const members = await listMembers(db, workspace.id);
    expect(members).toHaveLength(3);
    expect(members).toEqual(
      expect.arrayContaining([
        { userId: owner.id, email: owner.email, name: 'Owner', role: 'owner', joinedAt: expect.any(Date) },
        { userId: others[0]?.id, email: others[0]?.email, name: 'builder', role: 'builder', joinedAt: expect.any(Date) },
        { userId: others[1]?.id, email: others[1]?.email, name: 'agent', role: 'agent', joinedAt: expect.any(Date) },
      ]),
    );
    // Earliest joined first (ties, within a millisecond, by user id).
    const times = members.map((m) => m.joinedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });
});

describe('changeMemberRole and removeMember', () => {
  it('changes a role and reports before and after', async () => {
    const { workspace, others } = await workspaceWith('builder');
    const userId = others[0]?.id ?? '';
    expect(await changeMemberRole(db, { workspaceId: workspace.id, userId, role: 'analyst' })).toEqual({ before: 'builder', after: 'analyst' });
    expect(await changeMemberRole(db, { workspaceId: workspace.id, userId, role: 'analyst' })).toEqual({ before: 'analyst', after: 'analyst' });
    expect((await getMembership(db, { workspaceId: workspace.id, userId }))?.role).toBe('analyst');
  });

  it('never leaves a workspace without an owner', async () => {
    const { workspace, owner, others } = await workspaceWith('builder');
    const demote = changeMemberRole(db, { workspaceId: workspace.id, userId: owner.id, role: 'builder' });
    await expect(demote).rejects.toBeInstanceOf(MembershipError);
    await expect(demote).rejects.toMatchObject({ code: 'last-owner', message: expect.stringMatching(/last owner/) });
    await expect(removeMember(db, { workspaceId: workspace.id, userId: owner.id })).rejects.toMatchObject({ code: 'last-owner' });

    // With a second owner, one of them may step down, but not both.
    const second = others[0]?.id ?? '';
    await changeMemberRole(db, { workspaceId: workspace.id, userId: second, role: 'owner' });
    expect(await changeMemberRole(db, { workspaceId: workspace.id, userId: owner.id, role: 'agent' })).toEqual({ before: 'owner', after: 'agent' });
    await expect(removeMember(db, { workspaceId: workspace.id, userId: second })).rejects.toMatchObject({ code: 'last-owner' });
    expect(await removeMember(db, { workspaceId: workspace.id, userId: owner.id })).toBe('agent');
    expect(await listMembers(db, workspace.id)).toEqual([expect.objectContaining({ userId: second, role: 'owner' })]);
  });

  it('lets only one of two owners stepping down at once succeed', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { workspace, owner, others } = await workspaceWith('owner');
      const second = others[0]?.id ?? '';
      const results = await Promise.allSettled([
        changeMemberRole(db, { workspaceId: workspace.id, userId: owner.id, role: 'builder' }),
        removeMember(db, { workspaceId: workspace.id, userId: second }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'last-owner' } });
      expect(await db.membership.count({ where: { workspaceId: workspace.id, role: 'owner' } })).toBe(1);
    }
  });

  it('refuses a user who is not a member', async () => {
    const { workspace } = await workspaceWith();
    const stranger = await newUser();
    await expect(changeMemberRole(db, { workspaceId: workspace.id, userId: stranger.id, role: 'owner' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(removeMember(db, { workspaceId: workspace.id, userId: stranger.id })).rejects.toMatchObject({
      code: 'not-found',
      name: 'MembershipError',
      message: expect.stringContaining('is not a member'),
    });
  });

  it('removes a member', async () => {
    const { workspace, others } = await workspaceWith('agent');
    const userId = others[0]?.id ?? '';
    expect(await removeMember(db, { workspaceId: workspace.id, userId })).toBe('agent');
    expect(await getMembership(db, { workspaceId: workspace.id, userId })).toBeNull();
  });
});
