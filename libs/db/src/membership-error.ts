/**
 * Why a membership change was refused: 'not-found' (the user is not a member of the
 * workspace) or 'last-owner' (the change would leave the workspace without an owner).
 */
export type MembershipErrorCode = 'not-found' | 'last-owner';

/** A refused membership change (changeMemberRole, removeMember); nothing was written. */
export class MembershipError extends Error {
  override readonly name = 'MembershipError';

  constructor(
    readonly code: MembershipErrorCode,
    readonly workspaceId: string,
    readonly userId: string,
  ) {
    super(
      code === 'not-found'
        ? `User ${userId} is not a member of workspace ${workspaceId}`
        : `User ${userId} is the last owner of workspace ${workspaceId}: a workspace must keep at least one owner`,
    );
  }
}
