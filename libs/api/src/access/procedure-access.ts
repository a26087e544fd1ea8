import type { MemberRole } from '@parley/db';

/**
 * Who may call a procedure, declared in its metadata (`.meta({ access })`):
 * - `{ role }`: a caller acting in a workspace whose role grants `role` (roleGrants);
 * - `{ signedIn }`: any signed-in person, whatever workspace (the reason says why no role
 *   applies, e.g. listing one's own workspaces);
 * - `{ public }`: anyone, signed in or not (the reason says why that is safe).
 */
export type ProcedureAccess = { role: MemberRole } | { signedIn: string } | { public: string };

/** tRPC procedure metadata of the Parley API. */
export type ProcedureMeta = { access?: ProcedureAccess };

/**
 * What each role may do, as the procedures' least roles it satisfies: an owner may do
 * everything; a builder edits and publishes bots and reads what analysts read; an analyst
 * reads (bots, analytics); an agent works the Inbox only.
 */
export const roleGrants: Record<MemberRole, readonly MemberRole[]> = {
  owner: ['owner', 'builder', 'analyst', 'agent'],
  builder: ['builder', 'analyst'],
  analyst: ['analyst'],
  agent: ['agent'],
};

/** True when a member with role `actual` may call a procedure needing `required`. */
export function roleAllows(actual: MemberRole, required: MemberRole): boolean {
  return roleGrants[actual].includes(required);
}
