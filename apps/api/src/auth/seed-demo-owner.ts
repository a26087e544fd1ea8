import type { ParleyAuth } from '@parley/auth';
import { acceptInvitation, createInvitation, getMembership, type Db } from '@parley/db';

export type SeedDemoOwnerInput = {
  /** The demo workspace (seedDemo's). */
  workspaceId: string;
  email: string;
  name: string;
  /** Used only when the user is created; an existing user's password is left alone. */
  password: string;
};

export type SeedDemoOwnerResult = { userId: string; created: boolean };

type Deps = { db: Db; auth: ParleyAuth };

/**
 * Makes sure a user `email` exists and owns the demo workspace; idempotent, and safe
 * when two seeds race (`npm start` twice). A new user is created through better-auth's
 * own sign-up (its validation and Argon2id hashing, user and credential account in
 * one transaction); give it an auth instance without onUserCreated, so no workspace of
 * its own is made. Ownership is granted the way a person would get it: an owner
 * invitation from the operator that the user accepts (createInvitation,
 * acceptInvitation, which never lowers a role), only when they are not an owner yet.
 */
export async function seedDemoOwner(deps: Deps, input: SeedDemoOwnerInput): Promise<SeedDemoOwnerResult> {
  const { userId, created } = await ensureUser(deps, input);
  if (!(await isOwner(deps.db, input.workspaceId, userId))) {
    const { token } = await createInvitation(deps.db, { workspaceId: input.workspaceId, email: input.email, role: 'owner', invitedById: null });
    const accepted = await acceptInvitation(deps.db, { token, userId, email: input.email });
    // A concurrent seed may have revoked this invitation with its own and accepted that.
    if (!accepted.ok && !(await isOwner(deps.db, input.workspaceId, userId))) {
      throw new Error(`could not make ${input.email} the demo workspace's owner: ${accepted.reason}`);
    }
  }
  return { userId, created };
}

async function ensureUser(deps: Deps, input: SeedDemoOwnerInput): Promise<SeedDemoOwnerResult> {
  const context = await deps.auth.$context;
  const existing = await context.internalAdapter.findUserByEmail(input.email);
  if (existing) return { userId: existing.user.id, created: false };
  try {
    const { user } = await deps.auth.api.signUpEmail({ body: { email: input.email, name: input.name, password: input.password } });
    return { userId: user.id, created: true };
  } catch (error) {
    // A concurrent seed created the user first.
    const raced = await context.internalAdapter.findUserByEmail(input.email);
    if (raced) return { userId: raced.user.id, created: false };
    throw error;
  }
}

async function isOwner(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  return (await getMembership(db, { workspaceId, userId }))?.role === 'owner';
}
