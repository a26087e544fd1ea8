import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiFailureNotice, MisconfiguredNotice } from '../../../src/api-failure-notice';
import { callApi } from '../../../src/call-api';
import { formatDateTime } from '../../../src/format-date-time';

export const metadata: Metadata = { title: 'Bot' };

export const dynamic = 'force-dynamic';

type BotPageProps = { params: Promise<{ id: string }> };

/** One bot: its description, draft revision and published version. Next.js requires a default export. */
export default async function BotPage({ params }: BotPageProps) {
  const { id } = await params;
  const result = await callApi((api, signal) => api.bots.get.query({ id }, { signal }));
  if (result.kind === 'failed' && result.failure.kind === 'refused' && result.failure.code === 'NOT_FOUND') notFound();
  return (
    <>
      <p>
        <Link href="/">← All bots</Link>
      </p>
      {result.kind === 'ok' ? (
        <>
          <h1>{result.value.name}</h1>
          <p className={result.value.description ? undefined : 'muted'}>{result.value.description ?? 'No description'}</p>
          <dl className="facts">
            <dt>Published</dt>
            <dd>
              {result.value.latestVersion === null ? (
                'Draft only'
              ) : (
                <>
                  Version {result.value.latestVersion.number}, <time dateTime={result.value.latestVersion.publishedAt}>{formatDateTime(result.value.latestVersion.publishedAt)}</time>
                </>
              )}
            </dd>
            <dt>Draft revision</dt>
            <dd>{result.value.draftRevision}</dd>
            <dt>Updated</dt>
            <dd>
              <time dateTime={result.value.updatedAt}>{formatDateTime(result.value.updatedAt)}</time>
            </dd>
            <dt>Created</dt>
            <dd>
              <time dateTime={result.value.createdAt}>{formatDateTime(result.value.createdAt)}</time>
            </dd>
          </dl>
        </>
      ) : (
        <>
          <h1>Bot</h1>
          {result.kind === 'failed' ? <ApiFailureNotice failure={result.failure} /> : <MisconfiguredNotice message={result.message} />}
        </>
      )}
    </>
  );
}
