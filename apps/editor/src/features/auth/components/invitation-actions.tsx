'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { browserApi, describeClientError } from '../../../trpc/browser-api';
import { Button } from '../../../ui/button';
import { FormStatus } from '../../../ui/form-status';
import { homePath } from '../../workspaces/role-permissions';
import { postAuth } from '../auth-client';

/** Accepts the invitation for the signed-in person, then opens the workspace (where their new role starts). */
export function AcceptInvitationButton({ token }: { token: string }) {
  const accept = useMutation({
    mutationFn: () => browserApi.invitations.accept.mutate({ token }),
    onSuccess: (result) => window.location.assign(homePath(result.role)),
  });
  return (
    <div className="grid gap-3">
      <Button onClick={() => accept.mutate()} disabled={accept.isPending || accept.isSuccess}>
        {accept.isPending || accept.isSuccess ? 'Joining…' : 'Accept invitation'}
      </Button>
      {accept.isError && <FormStatus kind="error">{describeClientError(accept.error)}</FormStatus>}
    </div>
  );
}

/** Signs out and reloads this page, so the person can sign in (or up) with the invited address. */
export function SignOutToSwitchButton() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const signOut = async (): Promise<void> => {
    setPending(true);
    try {
      await postAuth('sign-out');
      window.location.reload();
    } catch (failure) {
      setPending(false);
      setError(failure instanceof Error ? failure.message : 'Could not sign out.');
    }
  };
  return (
    <div className="grid gap-3">
      <Button variant="outline" onClick={() => void signOut()} disabled={pending}>
        {pending ? 'Signing out…' : 'Sign out and use another account'}
      </Button>
      {error && <FormStatus kind="error">{error}</FormStatus>}
    </div>
  );
}
