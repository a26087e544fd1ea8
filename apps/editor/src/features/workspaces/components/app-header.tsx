import Link from 'next/link';
import type { RouterOutputs } from '../../../trpc/browser-api';
import { mainLinks } from '../role-permissions';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';

type CurrentMember = RouterOutputs['workspaces']['current'];
type WorkspaceSummary = RouterOutputs['workspaces']['list'][number];

/**
 * The editor's header: brand, workspace switcher, the navigation the member's role
 * allows, and the user menu. `current` null: the API could not say who is signed in
 * (the page shows why); only the brand is shown then.
 */
export function AppHeader({ current, workspaces }: { current: CurrentMember | null; workspaces: WorkspaceSummary[] }) {
  const active = current?.workspace ? workspaces.find((workspace) => workspace.id === current.workspace?.id) : undefined;
  return (
    <header className="border-b bg-background">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-6">
        <Link href="/" className="text-base font-bold text-foreground no-underline hover:no-underline">
          Parley
        </Link>
        {current && (
          <>
            <WorkspaceSwitcher
              workspaces={workspaces}
              current={current.workspace && current.role ? { id: current.workspace.id, name: active?.name ?? current.workspace.slug, role: current.role } : null}
            />
            <MainNav links={mainLinks(current.role)} />
            <div className="ml-auto">
              <UserMenu user={current.user} />
            </div>
          </>
        )}
      </div>
    </header>
  );
}
