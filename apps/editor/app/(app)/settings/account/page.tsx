import type { Metadata } from 'next';
import { PasswordForm, ProfileForm } from '../../../../src/features/settings/components/account-forms';
import { ApiResultNotice } from '../../../../src/trpc/api-failure-notice';
import { getCurrentMember, orSignIn } from '../../../../src/trpc/request-api';
import { PageHeader } from '../../../../src/ui/page-header';

export const metadata: Metadata = { title: 'Account' };

/** The signed-in person's name and password (any role). Next.js requires a default export. */
export default async function AccountPage() {
  const current = await orSignIn(await getCurrentMember());
  return (
    <>
      <PageHeader title="Account" description="Your name and password, the same in every workspace." />
      {current.kind === 'ok' ? (
        <div className="grid items-start gap-6 xl:grid-cols-2">
          <ProfileForm name={current.value.user.name} email={current.value.user.email} />
          <PasswordForm />
        </div>
      ) : (
        <ApiResultNotice result={current} />
      )}
    </>
  );
}
