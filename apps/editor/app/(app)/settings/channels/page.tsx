import type { Metadata } from 'next';
import { ChannelsTable } from '../../../../src/features/settings/components/channels-table';
import { can } from '../../../../src/features/workspaces/role-permissions';
import { ApiResultNotice } from '../../../../src/trpc/api-failure-notice';
import { getCurrentMember, orSignIn, requestApi } from '../../../../src/trpc/request-api';
import { PageHeader } from '../../../../src/ui/page-header';

export const metadata: Metadata = { title: 'Channels' };

/** The workspace's channels (builders and owners; owners may reveal secrets). Next.js requires a default export. */
export default async function ChannelsPage() {
  const [current, channels, bots] = await Promise.all([
    getCurrentMember(),
    requestApi((api, signal) => api.channels.list.query(undefined, { signal })).then(orSignIn),
    requestApi((api, signal) => api.bots.list.query(undefined, { signal })),
  ]);
  const botNames = Object.fromEntries(bots.kind === 'ok' ? bots.value.map((bot) => [bot.id, bot.name]) : []);
  return (
    <>
      <PageHeader title="Channels" description="Where this workspace's bots meet people, and the secrets each channel holds." />
      {channels.kind === 'ok' ? (
        <ChannelsTable channels={channels.value} botNames={botNames} canReveal={current.kind === 'ok' && can(current.value.role, 'revealSecrets')} />
      ) : (
        <ApiResultNotice result={channels} />
      )}
    </>
  );
}
