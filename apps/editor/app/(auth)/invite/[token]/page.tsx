import type { Metadata } from 'next';
import Link from 'next/link';
import { AcceptInvitationButton, SignOutToSwitchButton } from '../../../../src/features/auth/components/invitation-actions';
import { signInHref, signUpHref } from '../../../../src/features/auth/next-path';
import { ApiResultNotice } from '../../../../src/trpc/api-failure-notice';
import { getCurrentMember, requestApi } from '../../../../src/trpc/request-api';
import { Alert, AlertDescription, AlertTitle } from '../../../../src/ui/alert';
import { Badge } from '../../../../src/ui/badge';
import { Button } from '../../../../src/ui/button';
import { Card, CardContent, CardDescription, CardHeader } from '../../../../src/ui/card';

export const metadata: Metadata = { title: 'Invitation' };

type InvitePageProps = { params: Promise<{ token: string }> };

const unusable: Record<string, string> = {
  accepted: 'This invitation was already used.',
  revoked: 'This invitation was withdrawn.',
  expired: 'This invitation has expired: ask the workspace owner for a new one.',
};

/**
 * An invitation link's landing page: which workspace, for whom, as which role. Signed
 * out: create an account (email filled in) or sign in, then back here. Signed in with
 * the invited address: accept. Next.js requires a default export.
 */
export default async function InvitePage({ params }: InvitePageProps) {
  const { token } = await params;
  const [preview, current] = await Promise.all([requestApi((api, signal) => api.invitations.preview.query({ token }, { signal })), getCurrentMember()]);
  if (preview.kind !== 'ok') {
    return (
      <Card>
        <CardHeader>
          <h1 className="text-xl">Invitation</h1>
        </CardHeader>
        <CardContent>
          <ApiResultNotice result={preview} />
        </CardContent>
      </Card>
    );
  }
  const invitation = preview.value;
  const here = `/invite/${encodeURIComponent(token)}`;
  const user = current.kind === 'ok' ? current.value.user : null;
  const sameEmail = user !== null && user.email.toLowerCase() === invitation.email.toLowerCase();
  return (
    <Card>
      <CardHeader>
        <h1 className="text-xl">Join {invitation.workspaceName}</h1>
        <CardDescription>
          You are invited to the Parley workspace <strong className="text-foreground">{invitation.workspaceName}</strong> as{' '}
          <Badge variant="outline">{invitation.role}</Badge>.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted-foreground">Workspace</dt>
          <dd>{invitation.workspaceName}</dd>
          <dt className="text-muted-foreground">Role</dt>
          <dd>{invitation.role}</dd>
          <dt className="text-muted-foreground">For</dt>
          <dd>{invitation.email}</dd>
        </dl>
        {invitation.status !== 'pending' ? (
          <Alert variant="destructive" role="alert" aria-labelledby="invitation-unusable">
            <AlertTitle id="invitation-unusable">This invitation cannot be used</AlertTitle>
            <AlertDescription>
              <p>{unusable[invitation.status] ?? `Its status is ${invitation.status}.`}</p>
            </AlertDescription>
          </Alert>
        ) : user === null ? (
          <div className="grid gap-3">
            <p className="text-sm text-muted-foreground">To accept, create an account with {invitation.email}, or sign in if you have one.</p>
            <Button asChild>
              <Link href={signUpHref(here, invitation.email)}>Create an account</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href={signInHref(here, invitation.email)}>Sign in</Link>
            </Button>
          </div>
        ) : sameEmail ? (
          <div className="grid gap-3">
            <p className="text-sm text-muted-foreground">Signed in as {user.email}.</p>
            <AcceptInvitationButton token={token} />
          </div>
        ) : (
          <div className="grid gap-3">
            <Alert role="alert" aria-labelledby="invitation-other-account">
              <AlertTitle id="invitation-other-account">This invitation is for another address</AlertTitle>
              <AlertDescription>
                <p>
                  You are signed in as {user.email}, but the invitation is for {invitation.email}. Sign in with that address to accept it.
                </p>
              </AlertDescription>
            </Alert>
            <SignOutToSwitchButton />
          </div>
        )}
      </CardContent>
    </Card>
  );
}
