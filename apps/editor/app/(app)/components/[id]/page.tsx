import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ComponentEditor } from '../../../../src/features/components/components/component-editor';
import { componentToEditorFlow } from '../../../../src/features/components/model/component-flow';
import { can } from '../../../../src/features/workspaces/role-permissions';
import { ApiResultNotice } from '../../../../src/trpc/api-failure-notice';
import { getCurrentMember, orSignIn, requestApi } from '../../../../src/trpc/request-api';
import { FormStatus } from '../../../../src/ui/form-status';

export const metadata: Metadata = { title: 'Component editor' };

type ComponentPageProps = { params: Promise<{ id: string }> };

/** One component in the visual editor (read only for analysts). Next.js requires a default export. */
export default async function ComponentPage({ params }: ComponentPageProps) {
  const { id } = await params;
  const [current, result] = await Promise.all([getCurrentMember(), requestApi((api, signal) => api.components.get.query({ id }, { signal })).then(orSignIn)]);
  if (result.kind === 'failed' && result.failure.kind === 'refused' && result.failure.code === 'NOT_FOUND') notFound();
  if (result.kind !== 'ok') {
    return (
      <div className="mx-auto max-w-6xl px-6 py-8">
        <h1 className="mb-6">Component</h1>
        <ApiResultNotice result={result} />
      </div>
    );
  }
  const component = result.value;
  const opened = componentToEditorFlow(component.draft);
  if (!opened) {
    return (
      <div className="mx-auto max-w-6xl px-6 py-8">
        <p className="mb-4 text-sm">
          <Link href="/components">← All components</Link>
        </p>
        <h1 className="mb-4">{component.name}</h1>
        <FormStatus kind="error">This component&apos;s draft is not a component document the editor can open.</FormStatus>
      </div>
    );
  }
  const canEdit = current.kind === 'ok' && can(current.value.role, 'editBots');
  return (
    <ComponentEditor
      component={{
        id: component.id,
        name: component.name,
        flow: opened.flow,
        roles: opened.roles,
        draftRevision: component.draftRevision,
        latestVersion: component.versions[0]?.number ?? null,
      }}
      canEdit={canEdit}
    />
  );
}
