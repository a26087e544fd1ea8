import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '../../../src/features/auth/components/sign-up-form';
import { safeNextPath } from '../../../src/features/auth/next-path';
import { getCurrentMember } from '../../../src/trpc/request-api';
import { Card, CardContent, CardDescription, CardHeader } from '../../../src/ui/card';

export const metadata: Metadata = { title: 'Create an account' };

type SignUpPageProps = { searchParams: Promise<{ next?: string | string[]; email?: string | string[] }> };

/** Create an account (and with it a first workspace), then on to `next`. Next.js requires a default export. */
export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  const query = await searchParams;
  const next = safeNextPath(typeof query.next === 'string' ? query.next : undefined);
  const email = typeof query.email === 'string' ? query.email : undefined;
  if ((await getCurrentMember()).kind === 'ok') redirect(next);
  return (
    <Card>
      <CardHeader>
        <h1 className="text-xl">Create your Parley account</h1>
        <CardDescription>{next.startsWith('/invite/') ? 'Then you can accept the invitation.' : 'You get a workspace of your own to start in.'}</CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm next={next} email={email} />
      </CardContent>
    </Card>
  );
}
