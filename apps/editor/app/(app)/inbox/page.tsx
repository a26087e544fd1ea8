import type { Metadata } from 'next';
import { ApiResultNotice } from '../../../src/trpc/api-failure-notice';
import { getCurrentMember, orSignIn } from '../../../src/trpc/request-api';
import { EmptyState } from '../../../src/ui/empty-state';
import { PageHeader } from '../../../src/ui/page-header';

export const metadata: Metadata = { title: 'Inbox' };

/** The agents' Inbox (conversations handed over to a person): its empty state until the Inbox is built. Next.js requires a default export. */
export default async function InboxPage() {
  const current = await orSignIn(await getCurrentMember());
  return (
    <>
      <PageHeader title="Inbox" description="Conversations that bots hand over to a person." />
      {current.kind === 'ok' ? (
        <EmptyState id="inbox-empty" title="No conversations waiting">
          <p>When a bot hands a conversation over to a person, it appears here for the workspace&apos;s agents.</p>
        </EmptyState>
      ) : (
        <ApiResultNotice result={current} />
      )}
    </>
  );
}
