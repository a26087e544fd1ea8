'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { browserApi, describeClientError, type RouterOutputs } from '../../../trpc/browser-api';
import { ConfirmButton } from '../../../ui/confirm-button';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../ui/card';
import { CopyableValue } from '../../../ui/copyable-value';
import { formatDateTime } from '../../../ui/format-date-time';
import { FormField } from '../../../ui/form-field';
import { FormStatus } from '../../../ui/form-status';
import { Input } from '../../../ui/input';
import { useHydrated } from '../../../ui/use-hydrated';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from '../../../ui/table';
import { RoleSelect } from '../../workspaces/components/role-select';
import { memberRoles, roleDescriptions } from '../../workspaces/role-permissions';

type Invitation = RouterOutputs['invitations']['list'][number];

const inviteSchema = z.object({
  email: z.string().trim().min(1, 'Email is required').pipe(z.email('Email must be an email address')),
  role: z.enum(memberRoles, 'Role is required'),
});
type InviteValues = z.infer<typeof inviteSchema>;

const statusBadge: Record<string, 'success' | 'secondary' | 'destructive' | 'outline'> = {
  pending: 'outline',
  accepted: 'success',
  revoked: 'destructive',
  expired: 'secondary',
};

/**
 * Invitations (owners): invite someone by email with a role, get the link to send
 * them (shown once here, with a copy button; it is also emailed when the API has a
 * mailer), and the list of invitations with pending ones revocable.
 */
export function InvitationsPanel({ invitations }: { invitations: Invitation[] }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [created, setCreated] = useState<{ email: string; role: string; link: string } | null>(null);
  const form = useForm<InviteValues>({ resolver: zodResolver(inviteSchema), defaultValues: { email: '', role: 'agent' } });
  const { errors } = form.formState;
  const create = useMutation({
    mutationFn: (values: InviteValues) => browserApi.invitations.create.mutate(values),
    onSuccess: (result, values) => {
      setCreated({ email: values.email, role: values.role, link: absoluteLink(result.link) });
      form.reset({ email: '', role: values.role });
      router.refresh();
    },
  });
  const [revokeStatus, setRevokeStatus] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => browserApi.invitations.revoke.mutate({ id: invitation.id }),
    onSuccess: (_result, invitation) => {
      setRevokeStatus({ kind: 'success', text: `The invitation for ${invitation.email} was revoked.` });
      router.refresh();
    },
    onError: (error) => setRevokeStatus({ kind: 'error', text: describeClientError(error) }),
  });

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Invite a teammate</CardTitle>
          <CardDescription>They get a link to join this workspace with the role you choose.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <form noValidate method="post" className="grid grid-cols-[1fr_12rem_auto] items-start gap-3" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
            <FormField id="invite-email" label="Email" error={errors.email?.message}>
              {(control) => <Input {...control} type="email" autoComplete="off" placeholder="teammate@example.com" {...form.register('email')} />}
            </FormField>
            <FormField id="invite-role" label="Role" error={errors.role?.message}>
              {(control) => (
                <Controller control={form.control} name="role" render={({ field }) => <RoleSelect {...control} value={field.value} onValueChange={field.onChange} />} />
              )}
            </FormField>
            <Button type="submit" className="mt-5" disabled={!hydrated || create.isPending}>
              {create.isPending ? 'Inviting…' : 'Send invitation'}
            </Button>
          </form>
          <p className="text-xs text-muted-foreground">{roleDescriptions[form.watch('role')] ?? ''}</p>
          {create.isError && <FormStatus kind="error">{describeClientError(create.error)}</FormStatus>}
          {created && (
            <div className="grid gap-2 rounded-md border border-success/40 bg-success/5 p-3">
              <p role="status" className="text-sm">
                Invitation created for <strong>{created.email}</strong> as {created.role}. Send them this link (it is shown only now):
              </p>
              <CopyableValue id="invitation-link" label="Invitation link" value={created.link} copyLabel="Copy link" />
            </div>
          )}
        </CardContent>
      </Card>

      <section aria-labelledby="invitations-title" className="grid gap-3">
        <h2 id="invitations-title">Invitations</h2>
        {revokeStatus && <FormStatus kind={revokeStatus.kind}>{revokeStatus.text}</FormStatus>}
        {invitations.length === 0 ? (
          <p className="rounded-lg border border-dashed px-6 py-6 text-sm text-muted-foreground">No invitations yet. Invite a teammate above.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Email</TableHead>
                <TableHead scope="col">Role</TableHead>
                <TableHead scope="col">Status</TableHead>
                <TableHead scope="col">Expires</TableHead>
                <TableHead scope="col" className="w-28">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {invitations.map((invitation) => (
                <TableRow key={invitation.id}>
                  <TableRowHeader>{invitation.email}</TableRowHeader>
                  <TableCell>{invitation.role}</TableCell>
                  <TableCell>
                    <Badge variant={statusBadge[invitation.status] ?? 'outline'}>{invitation.status}</Badge>
                  </TableCell>
                  <TableCell>
                    <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt)}</time>
                  </TableCell>
                  <TableCell className="text-right">
                    {invitation.status === 'pending' && (
                      <ConfirmButton
                        label="Revoke"
                        ariaLabel={`Revoke the invitation for ${invitation.email}`}
                        disabled={revoke.isPending && revoke.variables?.id === invitation.id}
                        title={`Revoke the invitation for ${invitation.email}?`}
                        description="The link stops working at once."
                        confirmLabel="Revoke invitation"
                        destructive
                        onConfirm={() => revoke.mutate(invitation)}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}

/** The API gives an absolute link when it knows PUBLIC_URL, else a path: make it absolute on this origin to share it. */
function absoluteLink(link: string): string {
  return link.startsWith('/') ? `${window.location.origin}${link}` : link;
}
