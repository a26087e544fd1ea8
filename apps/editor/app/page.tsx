import type { Metadata } from 'next';
import { ApiFailureNotice, MisconfiguredNotice } from '../src/api-failure-notice';
import { BotsTable } from '../src/bots-table';
import { callApi } from '../src/call-api';

export const metadata: Metadata = { title: 'Bots' };

/** Rendered per request: the API location and the bot list are read at request time. */
export const dynamic = 'force-dynamic';

/** The bots of the configured workspace. Next.js requires a default export for pages. */
export default async function BotsPage() {
  const result = await callApi((api, signal) => api.bots.list.query(undefined, { signal }));
  return (
    <>
      <h1>Bots</h1>
      {result.kind === 'ok' && <BotsTable bots={result.value} />}
      {result.kind === 'failed' && <ApiFailureNotice failure={result.failure} />}
      {result.kind === 'misconfigured' && <MisconfiguredNotice message={result.message} />}
    </>
  );
}
