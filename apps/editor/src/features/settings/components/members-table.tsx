'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi, describeClientError, type MemberRole, type RouterOutputs } from '../../../trpc/browser-api';
import { ConfirmButton } from '../../../ui/confirm-button';
import { Badge } from '../../../ui/badge';
import { EmptyState } from '../../../ui/empty-state';
import { formatDateTime } from '../../../ui/format-date-time';
import { FormStatus } from '../../../ui/form-status';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from '../../../ui/table';
import { RoleSelect } from '../../workspaces/components/role-select';

type Member = RouterOutputs['members']['list'][number];

/**
 * The workspace's members (owners manage them): change a role with the select, remove
 * someone after a confirmation. Every change says what happened (or the server's
 * refusal, e.g. for the last owner) above the table.
 */
export function MembersTable({ members, currentUserId }: { members: Member[]; currentUserId: string | null }) {
  const router = useRouter();
  const [status, setStatus] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const changeRole = useMutation({
    mutationFn: (input: { member: Member; role: MemberRole }) => browserApi.members.changeRole.mutate({ userId: input.member.userId, role: input.role }),
    onSuccess: (_result, input) => {
      setStatus({ kind: 'success', text: `${input.member.name || input.member.email} is now ${input.role}.` });
      router.refresh();
    },
    onError: (error) => setStatus({ kind: 'error', text: describeClientError(error) }),
  });
  const remove = useMutation({
    mutationFn: (member: Member) => browserApi.members.remove.mutate({ userId: member.userId }),
    onSuccess: (_result, member) => {
      setStatus({ kind: 'success', text: `${member.name || member.email} was removed from the workspace.` });
      router.refresh();
    },
    onError: (error) => setStatus({ kind: 'error', text: describeClientError(error) }),
  });

  if (members.length === 0) {
    return <EmptyState id="no-members" title="No members" />;
  }
  return (
    <div className="grid gap-3">
      {status && <FormStatus kind={status.kind}>{status.text}</FormStatus>}
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Member</TableHead>
            <TableHead scope="col" className="w-44">
              Role
            </TableHead>
            <TableHead scope="col">Joined</TableHead>
            <TableHead scope="col" className="w-28">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((member) => {
            const label = member.name || member.email;
            const pending = (changeRole.isPending && changeRole.variables?.member.userId === member.userId) || (remove.isPending && remove.variables?.userId === member.userId);
            return (
              <TableRow key={member.userId}>
                <TableRowHeader>
                  <span className="flex items-center gap-2">
                    {label}
                    {member.userId === currentUserId && <Badge variant="outline">you</Badge>}
                  </span>
                  <span className="block text-xs font-normal text-muted-foreground">{member.email}</span>
                </TableRowHeader>
                <TableCell>
                  <RoleSelect aria-label={`Role of ${label}`} value={member.role} disabled={pending} onValueChange={(role) => role !== member.role && changeRole.mutate({ member, role })} />
                </TableCell>
                <TableCell>
                  <time dateTime={member.joinedAt}>{formatDateTime(member.joinedAt)}</time>
                </TableCell>
                <TableCell className="text-right">
                  <ConfirmButton
                    label="Remove"
                    ariaLabel={`Remove ${label}`}
                    disabled={pending}
                    title={`Remove ${label}?`}
                    description={`${member.email} loses access to this workspace at once. You can invite them again later.`}
                    confirmLabel="Remove member"
                    destructive
                    onConfirm={() => remove.mutate(member)}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
