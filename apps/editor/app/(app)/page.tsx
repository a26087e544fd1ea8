import { redirect } from 'next/navigation';
import { homePath } from '../../src/features/workspaces/role-permissions';
import { NoWorkspace } from '../../src/features/workspaces/components/no-workspace';
import { ApiResultNotice } from '../../src/trpc/api-failure-notice';
import { getCurrentMember, orSignIn } from '../../src/trpc/request-api';

/**
 * Home: sends a member where their role starts (Bots, or the Inbox for agents); a
 * person without a workspace is offered to create one. Next.js requires a default export.
 */
export default async function HomePage() {
  const current = await orSignIn(await getCurrentMember());
  if (current.kind !== 'ok') {
    return (
      <>
        <h1 className="mb-6">Parley</h1>
        <ApiResultNotice result={current} />
      </>
    );
  }
  if (current.value.workspace && current.value.role) redirect(homePath(current.value.role));
  return <NoWorkspace />;
}
