import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '../../../src/features/auth/components/sign-in-form';
import { safeNextPath } from '../../../src/features/auth/next-path';
import { getCurrentMember } from '../../../src/trpc/request-api';
import { Card, CardContent, CardDescription, CardHeader } from '../../../src/ui/card';

export const metadata: Metadata = { title: 'Sign in' };

type SignInPageProps = { searchParams: Promise<{ next?: string | string[]; email?: string | string[] }> };

/** Sign in, then back to `next` (a path on this site). Already signed in: straight there. Next.js requires a default export. */
export default async function SignInPage({ searchParams }: SignInPageProps) {
  const query = await searchParams;
  const next = safeNextPath(typeof query.next === 'string' ? query.next : undefined);
  const email = typeof query.email === 'string' ? query.email : undefined;
  if ((await getCurrentMember()).kind === 'ok') redirect(next);
  return (
    <Card>
      <CardHeader>
        <h1 className="text-xl">Sign in to Parley</h1>
        <CardDescription>Use the email and password of your Parley account.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignInForm next={next} email={email} />
      </CardContent>
    </Card>
  );
}
