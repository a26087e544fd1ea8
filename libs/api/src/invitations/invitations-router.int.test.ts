import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb, createWorkspaceWithOwner, getMembership } from '@parley/db';
import type { MailMessage } from '../access/mailer';
import { createCaller } from '../create-caller';
import { createContext, type Principal } from '../create-context';
import { trpcError } from '../testing/trpc-error';

/**
 * Invitations through the router on the real database: the owner's invitation goes out
 * through the mailer (captured here, as a deployment's email service would get it) with
 * a link; the invited person previews and accepts it once, and acts in the workspace
 * with the invited role; anyone else, a revoked link or a second use is refused.
 */
const db = createDb(inject('databaseUrl'));
const secretKey = randomBytes(32).toString('hex');
const workspaceIds: string[] = [];

afterAll(async () => {
  await db.workspace.deleteMany({ where: { id: { in: workspaceIds } } });
  await db.$disconnect();
});

async function person(label: string): Promise<Principal & { kind: 'user' }> {
  const email = `${label}-${randomUUID().slice(0, 8)}@invite.test`;
  const user = await db.user.create({ data: { email, name: label } });
  return { kind: 'user', userId: user.id, email, name: label };
}

describe('invitations', () => {
  it('mails a link the invited person accepts once, joining with the invited role; others are refused', async () => {
    const owner = await person('owner');
    const workspace = await createWorkspaceWithOwner(db, { name: 'Invites', ownerUserId: owner.userId });
    workspaceIds.push(workspace.id);
    const sent: MailMessage[] = [];
    const ownerApi = createCaller(
      createContext({
        db,
        secretKey,
        principal: owner,
        workspace: { id: workspace.id, slug: workspace.slug },
        role: 'owner',
        mailer: { send: async (message) => void sent.push(message) },
        publicUrl: 'https://parley.example',
      }),
    );
    const invitee = await person('agent');
    const created = await ownerApi.invitations.create({ email: invitee.email.toUpperCase(), role: 'agent' });
    expect(created.link).toMatch(/^https:\/\/parley\.example\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(sent).toEqual([{ to: invitee.email, subject: expect.stringContaining(workspace.slug), text: expect.stringContaining(created.link), link: created.link }]);
    const token = created.link.split('/').at(-1) ?? '';

    const anonymous = createCaller(createContext({ db, secretKey }));
    expect(await anonymous.invitations.preview({ token })).toEqual({ workspaceName: 'Invites', email: invitee.email, role: 'agent', status: 'pending' });
    // Signing in is needed to accept, and only the invited email may.
    expect((await trpcError(anonymous.invitations.accept({ token }))).code).toBe('UNAUTHORIZED');
    const stranger = await person('stranger');
    expect((await trpcError(createCaller(createContext({ db, secretKey, principal: stranger })).invitations.accept({ token }))).code).toBe('FORBIDDEN');

    const inviteeApi = createCaller(createContext({ db, secretKey, principal: invitee }));
    expect(await inviteeApi.invitations.accept({ token })).toEqual({ workspaceId: workspace.id, role: 'agent' });
    expect(await getMembership(db, { workspaceId: workspace.id, userId: invitee.userId })).toMatchObject({ role: 'agent' });
    const again = await trpcError(inviteeApi.invitations.accept({ token }));
    expect([again.code, again.message]).toEqual(['BAD_REQUEST', 'This invitation was already used']);
    expect((await ownerApi.invitations.list()).map((invitation) => invitation.status)).toEqual(['accepted']);

    // A revoked link is refused, and the revocation and acceptance are in the audit log.
    const second = await ownerApi.invitations.create({ email: stranger.email, role: 'builder' });
    await ownerApi.invitations.revoke({ id: second.id });
    const revoked = await trpcError(createCaller(createContext({ db, secretKey, principal: stranger })).invitations.accept({ token: second.link.split('/').at(-1) ?? '' }));
    expect(revoked.message).toBe('This invitation was withdrawn');
    const actions = (await ownerApi.audit.list()).entries.map((entry) => `${entry.action} by ${entry.actor.label}`);
    expect(actions.sort()).toEqual([`invitation.accepted by ${invitee.email}`, `invitation.created by ${owner.email}`, `invitation.created by ${owner.email}`, `invitation.revoked by ${owner.email}`]);
  });
});
