import type { MemberRole } from '../../trpc/browser-api';

/**
 * What each role may do, as the least roles it satisfies: the same table as the
 * API's `roleGrants` (libs/api access/procedure-access.ts), which the editor may not
 * import at run time. The editor uses it only to hide what a role cannot do; the
 * API refuses it regardless.
 */
const grants: Record<MemberRole, readonly MemberRole[]> = {
  owner: ['owner', 'builder', 'analyst', 'agent'],
  builder: ['builder', 'analyst'],
  analyst: ['analyst'],
  agent: ['agent'],
};

/** The roles, most powerful first. */
export const memberRoles = ['owner', 'builder', 'analyst', 'agent'] as const satisfies readonly MemberRole[];

/** One line per role, for role pickers. */
export const roleDescriptions: Record<MemberRole, string> = {
  owner: 'Everything, including members, API keys, secrets and the audit log',
  builder: 'Builds and publishes bots and channels',
  analyst: 'Reads bots and analytics',
  agent: 'Works the Inbox only',
};

/** The least role each part of the editor needs (the least role of the API procedures behind it). */
export const requiredRole = {
  viewBots: 'analyst',
  editBots: 'builder',
  inbox: 'agent',
  channels: 'builder',
  revealSecrets: 'owner',
  members: 'owner',
  apiKeys: 'owner',
  audit: 'owner',
} as const satisfies Record<string, MemberRole>;

export type Ability = keyof typeof requiredRole;

export function isMemberRole(value: unknown): value is MemberRole {
  return typeof value === 'string' && (memberRoles as readonly string[]).includes(value);
}

/** True when `role` (null: no workspace) may use `ability`. */
export function can(role: MemberRole | string | null | undefined, ability: Ability): boolean {
  return isMemberRole(role) && grants[role].includes(requiredRole[ability]);
}

/** A navigation link; `section`: the path prefix it stands for when that differs from `href`. */
export type NavLink = { href: string; label: string; section?: string };

/** The settings pages a role may open, in order (Account is everyone's). */
export function settingsLinks(role: MemberRole | string | null | undefined): NavLink[] {
  return [
    ...(can(role, 'members') ? [{ href: '/settings/members', label: 'Members' }] : []),
    ...(can(role, 'apiKeys') ? [{ href: '/settings/api-keys', label: 'API keys' }] : []),
    ...(can(role, 'channels') ? [{ href: '/settings/channels', label: 'Channels' }] : []),
    ...(can(role, 'audit') ? [{ href: '/settings/audit', label: 'Audit log' }] : []),
    { href: '/settings/account', label: 'Account' },
  ];
}

/**
 * The main navigation for a role: Bots and Components (analyst and up), Inbox (agents and owners),
 * and Settings, or just Account when that is the only setting the role has.
 */
export function mainLinks(role: MemberRole | string | null | undefined): NavLink[] {
  const settings = settingsLinks(role);
  return [
    ...(can(role, 'viewBots') ? [{ href: '/bots', label: 'Bots' }] : []),
    ...(can(role, 'viewBots') ? [{ href: '/components', label: 'Components' }] : []),
    ...(can(role, 'inbox') ? [{ href: '/inbox', label: 'Inbox' }] : []),
    settings.length === 1 ? { href: '/settings/account', label: 'Account' } : { href: settings[0]?.href ?? '/settings/account', label: 'Settings', section: '/settings' },
  ];
}

/** Where a member lands after signing in: Bots when they may see them, else the Inbox, else their account. */
export function homePath(role: MemberRole | string | null | undefined): string {
  if (can(role, 'viewBots')) return '/bots';
  if (can(role, 'inbox')) return '/inbox';
  return '/settings/account';
}
