import type { ReactNode } from 'react';
import { SettingsNav } from '../../../src/features/settings/components/settings-nav';
import { settingsLinks } from '../../../src/features/workspaces/role-permissions';
import { getCurrentMember } from '../../../src/trpc/request-api';

/** Settings: the pages the member's role may open on the left, the page on the right. Next.js requires a default export. */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const current = await getCurrentMember();
  const links = settingsLinks(current.kind === 'ok' ? current.value.role : null);
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-10">
      <aside className="pt-1">
        <p className="mb-2 px-3 text-xs font-medium tracking-wide text-muted-foreground uppercase">Settings</p>
        <SettingsNav links={links} />
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
