import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiResultNotice } from '../../../../src/trpc/api-failure-notice';
import { orSignIn, requestApi } from '../../../../src/trpc/request-api';
import { formatDateTime } from '../../../../src/ui/format-date-time';

export const metadata: Metadata = { title: 'Bot' };

type BotPageProps = { params: Promise<{ id: string }> };

/** One bot: its description, draft revision and published version. Next.js requires a default export. */
export default async function BotPage({ params }: BotPageProps) {
  const { id } = await params;
  const result = await orSignIn(await requestApi((api, signal) => api.bots.get.query({ id }, { signal })));
  if (result.kind === 'failed' && result.failure.kind === 'refused' && result.failure.code === 'NOT_FOUND') notFound();
  return (
    <>
      <p className="mb-4 text-sm">
        <Link href="/bots">← All bots</Link>
      </p>
      {result.kind === 'ok' ? (
        <>
          <h1>{result.value.name}</h1>
          <p className={result.value.description ? 'mt-1' : 'mt-1 text-muted-foreground'}>{result.value.description ?? 'No description'}</p>
          <dl className="facts mt-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-muted-foreground">Published</dt>
            <dd>
              {result.value.latestVersion === null ? (
                'Draft only'
              ) : (
                <>
                  Version {result.value.latestVersion.number}, <time dateTime={result.value.latestVersion.publishedAt}>{formatDateTime(result.value.latestVersion.publishedAt)}</time>
                </>
              )}
            </dd>
            <dt className="text-muted-foreground">Draft revision</dt>
            <dd>{result.value.draftRevision}</dd>
            <dt className="text-muted-foreground">Updated</dt>
            <dd>
              <time dateTime={result.value.updatedAt}>{formatDateTime(result.value.updatedAt)}</time>
            </dd>
            <dt className="text-muted-foreground">Created</dt>
            <dd>
              <time dateTime={result.value.createdAt}>{formatDateTime(result.value.createdAt)}</time>
            </dd>
          </dl>
        </>
      ) : (
        <>
          <h1 className="mb-6">Bot</h1>
          <ApiResultNotice result={result} />
        </>
      )}
    </>
  );
}
