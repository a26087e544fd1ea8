import { redirect } from 'next/navigation';
import { settingsLinks } from '../../../src/features/workspaces/role-permissions';
import { getCurrentMember, orSignIn } from '../../../src/trpc/request-api';

/** /settings: the first settings page the member's role may open. Next.js requires a default export. */
export default async function SettingsIndex() {
  const current = await orSignIn(await getCurrentMember());
  redirect(settingsLinks(current.kind === 'ok' ? current.value.role : null)[0]?.href ?? '/settings/account');
}
