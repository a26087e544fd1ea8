import type { Metadata } from 'next';
import { InvitationsPanel } from '../../../../src/features/settings/components/invitations-panel';
import { MembersTable } from '../../../../src/features/settings/components/members-table';
import { ApiResultNotice } from '../../../../src/trpc/api-failure-notice';
import { getCurrentMember, orSignIn, requestApi } from '../../../../src/trpc/request-api';
import { PageHeader } from '../../../../src/ui/page-header';

export const metadata: Metadata = { title: 'Members' };

/** Members and invitations of the workspace (owners; others see the API's refusal). Next.js requires a default export. */
export default async function MembersPage() {
  const [current, members, invitations] = await Promise.all([
    getCurrentMember(),
    requestApi((api, signal) => api.members.list.query(undefined, { signal })).then(orSignIn),
    requestApi((api, signal) => api.invitations.list.query(undefined, { signal })),
  ]);
  return (
    <>
      <PageHeader title="Members" description="Who is in this workspace, with which role, and who is invited." />
      {members.kind !== 'ok' ? (
        <ApiResultNotice result={members} />
      ) : (
        <div className="grid gap-10">
          <section aria-labelledby="members-title" className="grid gap-3">
            <h2 id="members-title">Members</h2>
            <MembersTable members={members.value} currentUserId={current.kind === 'ok' ? current.value.user.id : null} />
          </section>
          {invitations.kind === 'ok' ? <InvitationsPanel invitations={invitations.value} /> : <ApiResultNotice result={invitations} />}
        </div>
      )}
    </>
  );
}
