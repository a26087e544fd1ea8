import type { Metadata } from 'next';
import { BotsTable } from '../../../../src/features/bots/components/bots-table';
import { CreateBotDialog } from '../../../../src/features/bots/components/create-bot-dialog';
import { can } from '../../../../src/features/workspaces/role-permissions';
import { ApiResultNotice } from '../../../../src/trpc/api-failure-notice';
import { getCurrentMember, orSignIn, requestApi } from '../../../../src/trpc/request-api';
import { PageHeader } from '../../../../src/ui/page-header';

export const metadata: Metadata = { title: 'Bots' };

/** The bots of the member's workspace; "New bot" for builders and owners. Next.js requires a default export. */
export default async function BotsPage() {
  const [current, bots] = await Promise.all([getCurrentMember(), requestApi((api, signal) => api.bots.list.query(undefined, { signal })).then(orSignIn)]);
  const canCreate = current.kind === 'ok' && can(current.value.role, 'editBots');
  return (
    <>
      <PageHeader title="Bots" description="The bots of this workspace." actions={canCreate && bots.kind === 'ok' ? <CreateBotDialog /> : undefined} />
      {bots.kind === 'ok' ? <BotsTable bots={bots.value} canCreate={canCreate} /> : <ApiResultNotice result={bots} />}
    </>
  );
}
