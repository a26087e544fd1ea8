import type { Metadata } from 'next';
import { ApiKeysPanel } from '../../../../src/features/settings/components/api-keys-panel';
import { ApiResultNotice } from '../../../../src/trpc/api-failure-notice';
import { orSignIn, requestApi } from '../../../../src/trpc/request-api';
import { PageHeader } from '../../../../src/ui/page-header';

export const metadata: Metadata = { title: 'API keys' };

/** The workspace's API keys (owners; others see the API's refusal). Next.js requires a default export. */
export default async function ApiKeysPage() {
  const keys = await orSignIn(await requestApi((api, signal) => api.apiKeys.list.query(undefined, { signal })));
  return (
    <>
      <PageHeader title="API keys" description="Keys let programs and CI jobs use this workspace's API." />
      {keys.kind === 'ok' ? <ApiKeysPanel apiKeys={keys.value} /> : <ApiResultNotice result={keys} />}
    </>
  );
}
