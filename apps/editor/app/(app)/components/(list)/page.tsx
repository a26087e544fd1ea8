import type { Metadata } from 'next';
import { ComponentsTable } from '../../../../src/features/components/components/components-table';
import { CreateComponentDialog } from '../../../../src/features/components/components/create-component-dialog';
import { can } from '../../../../src/features/workspaces/role-permissions';
import { ApiResultNotice } from '../../../../src/trpc/api-failure-notice';
import { getCurrentMember, orSignIn, requestApi } from '../../../../src/trpc/request-api';
import { PageHeader } from '../../../../src/ui/page-header';

export const metadata: Metadata = { title: 'Components' };

/**
 * The components of the member's workspace, searchable, each opening in the editor;
 * "New component" for builders and owners. Next.js requires a default export.
 */
export default async function ComponentsPage() {
  const [current, components] = await Promise.all([getCurrentMember(), requestApi((api, signal) => api.components.list.query(undefined, { signal })).then(orSignIn)]);
  const canEdit = current.kind === 'ok' && can(current.value.role, 'editBots');
  return (
    <>
      <PageHeader
        title="Components"
        description="Reusable pieces of conversation with their own inputs and outputs. Bots use them with the Component element."
        actions={canEdit && components.kind === 'ok' ? <CreateComponentDialog /> : undefined}
      />
      {components.kind === 'ok' ? <ComponentsTable components={components.value} canEdit={canEdit} /> : <ApiResultNotice result={components} />}
    </>
  );
}
