import type { MemberRole } from './column-schemas';

/**
 * How much a role may do, for "keep the higher role" decisions: owner > builder >
 * agent = analyst. Agent (the Inbox) and analyst (analytics) are different, not
 * ordered: neither is higher than the other.
 */
export const memberRoleRank = { owner: 3, builder: 2, agent: 1, analyst: 1 } satisfies Record<MemberRole, number>;
