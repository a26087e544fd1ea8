import type { Metadata } from 'next';
import { AuditLog } from '../../../../src/features/settings/components/audit-log';
import { ApiResultNotice } from '../../../../src/trpc/api-failure-notice';
import { orSignIn, requestApi } from '../../../../src/trpc/request-api';
import { PageHeader } from '../../../../src/ui/page-header';

export const metadata: Metadata = { title: 'Audit log' };

/** Who did what in the workspace (owners; others see the API's refusal). Next.js requires a default export. */
export default async function AuditPage() {
  const page = await orSignIn(await requestApi((api, signal) => api.audit.list.query({}, { signal })));
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what in this workspace, and who looked at a secret." />
      {page.kind === 'ok' ? <AuditLog firstPage={page.value} /> : <ApiResultNotice result={page} />}
    </>
  );
}
