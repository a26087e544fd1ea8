import type { ReactNode } from 'react';
import { AppHeader } from '../../src/features/workspaces/components/app-header';
import { getCurrentMember, orSignIn, requestApi } from '../../src/trpc/request-api';

/**
 * Every page of a signed-in member: the header (workspace switcher, navigation for
 * the member's role, user menu) above the page. Signed out (or the session expired):
 * off to /sign-in, back here afterwards. When the API cannot say who is signed in,
 * the header shows only the brand and the page shows why. Next.js requires a default export.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const [current, workspaces] = await Promise.all([
    getCurrentMember().then(orSignIn),
    requestApi((api, signal) => api.workspaces.list.query(undefined, { signal })),
  ]);
  return (
    <>
      <AppHeader current={current.kind === 'ok' ? current.value : null} workspaces={workspaces.kind === 'ok' ? workspaces.value : []} />
      <main id="content" tabIndex={-1} className="mx-auto max-w-6xl px-6 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
