import type { Metadata } from 'next';
import { BotsTable } from '../../../../src/features/bots/components/bots-table';
import { CreateBotDialog } from '../../../../src/features/bots/components/create-bot-dialog';
import { ImportBotDialog } from '../../../../src/features/bots/components/import-bot-dialog';
import { can } from '../../../../src/features/workspaces/role-permissions';
import { ApiResultNotice } from '../../../../src/trpc/api-failure-notice';
import { getCurrentMember, orSignIn, requestApi } from '../../../../src/trpc/request-api';
import { PageHeader } from '../../../../src/ui/page-header';

export const metadata: Metadata = { title: 'Bots' };

/**
 * The bots of the member's workspace, searchable, each with its actions menu; "Import"
 * and "New bot" for builders and owners. Next.js requires a default export.
 */
export default async function BotsPage() {
  const [current, bots] = await Promise.all([getCurrentMember(), requestApi((api, signal) => api.bots.list.query(undefined, { signal })).then(orSignIn)]);
  const canEdit = current.kind === 'ok' && can(current.value.role, 'editBots');
  const actions =
    canEdit && bots.kind === 'ok' ? (
      <>
        <ImportBotDialog />
        <CreateBotDialog />
      </>
    ) : undefined;
  return (
    <>
      <PageHeader title="Bots" description="The bots of this workspace." actions={actions} />
      {bots.kind === 'ok' ? <BotsTable bots={bots.value} canEdit={canEdit} /> : <ApiResultNotice result={bots} />}
    </>
  );
}
