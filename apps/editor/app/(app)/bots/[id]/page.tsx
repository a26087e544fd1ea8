import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BotEditor } from '../../../../src/features/bot-editor/components/bot-editor';
import { isEditableFlow } from '../../../../src/features/bot-editor/document/is-editable-flow';
import { can } from '../../../../src/features/workspaces/role-permissions';
import { ApiResultNotice } from '../../../../src/trpc/api-failure-notice';
import { getCurrentMember, orSignIn, requestApi } from '../../../../src/trpc/request-api';
import { FormStatus } from '../../../../src/ui/form-status';

export const metadata: Metadata = { title: 'Bot editor' };

type BotPageProps = { params: Promise<{ id: string }> };

/** One bot in the visual editor (read only for analysts). Next.js requires a default export. */
export default async function BotPage({ params }: BotPageProps) {
  const { id } = await params;
  const [current, result] = await Promise.all([getCurrentMember(), requestApi((api, signal) => api.bots.get.query({ id }, { signal })).then(orSignIn)]);
  if (result.kind === 'failed' && result.failure.kind === 'refused' && result.failure.code === 'NOT_FOUND') notFound();
  if (result.kind !== 'ok') {
    return (
      <div className="mx-auto max-w-6xl px-6 py-8">
        <h1 className="mb-6">Bot</h1>
        <ApiResultNotice result={result} />
      </div>
    );
  }
  const bot = result.value;
  if (!isEditableFlow(bot.draft)) {
    return (
      <div className="mx-auto max-w-6xl px-6 py-8">
        <p className="mb-4 text-sm">
          <Link href="/bots">← All bots</Link>
        </p>
        <h1 className="mb-4">{bot.name}</h1>
        <FormStatus kind="error">This bot&apos;s draft is not a flow document the editor can open. Import a valid flow file to replace it.</FormStatus>
      </div>
    );
  }
  const canEdit = current.kind === 'ok' && can(current.value.role, 'editBots');
  return <BotEditor bot={{ id: bot.id, name: bot.name, draft: bot.draft, draftRevision: bot.draftRevision, latestVersion: bot.latestVersion?.number ?? null }} canEdit={canEdit} />;
}
