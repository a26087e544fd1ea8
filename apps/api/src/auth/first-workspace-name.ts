const suffix = "'s workspace";
const maxLength = 80;

/**
 * The name of the workspace sign-up creates for a new user: "<name>'s workspace", with
 * the part of the email before `@` when the name is blank, "My workspace" when both
 * are; at most 80 characters.
 */
export function firstWorkspaceName(user: { name: string; email: string }): string {
  const who = user.name.trim() || (user.email.split('@')[0] ?? '').trim();
  if (who === '') return 'My workspace';
  return `${who.slice(0, maxLength - suffix.length).trimEnd()}${suffix}`;
}
