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
import { EmptyState } from '../../../ui/empty-state';
import { formatDateTime } from '../../../ui/format-date-time';
import { FormField } from '../../../ui/form-field';
import { FormStatus } from '../../../ui/form-status';
import { Input } from '../../../ui/input';
import { useHydrated } from '../../../ui/use-hydrated';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from '../../../ui/table';
import { RoleSelect } from '../../workspaces/components/role-select';
import { memberRoles, roleDescriptions } from '../../workspaces/role-permissions';

type ApiKey = RouterOutputs['apiKeys']['list'][number];

const keySchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(80, 'Name must be at most 80 characters'),
  role: z.enum(memberRoles, 'Role is required'),
});
type KeyValues = z.infer<typeof keySchema>;

/**
 * API keys (owners): create one with a name and the role it acts with (the key is
 * shown once, with a copy button: only its hash is kept), the list with prefix, role
 * and last use, and revoking after a confirmation.
 */
export function ApiKeysPanel({ apiKeys }: { apiKeys: ApiKey[] }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const form = useForm<KeyValues>({ resolver: zodResolver(keySchema), defaultValues: { name: '', role: 'builder' } });
  const { errors } = form.formState;
  const create = useMutation({
    mutationFn: (values: KeyValues) => browserApi.apiKeys.create.mutate(values),
    onSuccess: (result, values) => {
      setCreated({ name: values.name, key: result.key });
      form.reset({ name: '', role: values.role });
      router.refresh();
    },
  });
  const [status, setStatus] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => browserApi.apiKeys.revoke.mutate({ id: key.id }),
    onSuccess: (_result, key) => {
      setStatus({ kind: 'success', text: `The key “${key.name}” was revoked: programs using it are refused from now on.` });
      router.refresh();
    },
    onError: (error) => setStatus({ kind: 'error', text: describeClientError(error) }),
  });
  const active = apiKeys.filter((key) => key.revokedAt === null);

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Create an API key</CardTitle>
          <CardDescription>
            Programs send it as <code>Authorization: Bearer …</code> and act in this workspace with the key&apos;s role.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <form noValidate method="post" className="grid grid-cols-[1fr_12rem_auto] items-start gap-3" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
            <FormField id="api-key-name" label="Name" error={errors.name?.message}>
              {(control) => <Input {...control} autoComplete="off" placeholder="e.g. CI deploys" {...form.register('name')} />}
            </FormField>
            <FormField id="api-key-role" label="Role" error={errors.role?.message}>
              {(control) => (
                <Controller control={form.control} name="role" render={({ field }) => <RoleSelect {...control} value={field.value} onValueChange={field.onChange} />} />
              )}
            </FormField>
            <Button type="submit" className="mt-5" disabled={!hydrated || create.isPending}>
              {create.isPending ? 'Creating…' : 'Create key'}
            </Button>
          </form>
          <p className="text-xs text-muted-foreground">{roleDescriptions[form.watch('role')] ?? ''}</p>
          {create.isError && <FormStatus kind="error">{describeClientError(create.error)}</FormStatus>}
          {created && (
            <div className="grid gap-2 rounded-md border border-success/40 bg-success/5 p-3">
              <p role="status" className="text-sm">
                Key <strong>{created.name}</strong> created. Copy it now: it is shown only once.
              </p>
              <CopyableValue id="new-api-key" label="New API key" value={created.key} copyLabel="Copy key" />
              <div>
                <Button variant="outline" size="sm" onClick={() => setCreated(null)}>
                  Done, hide the key
                </Button>
              </div>
            </div>
          )}
        </CardContent>
      </Card>

      <section aria-labelledby="api-keys-title" className="grid gap-3">
        <h2 id="api-keys-title">Keys</h2>
        {status && <FormStatus kind={status.kind}>{status.text}</FormStatus>}
        {apiKeys.length === 0 ? (
          <EmptyState id="no-api-keys" title="No API keys yet">
            <p>Create one above for a program or CI job that works with this workspace.</p>
          </EmptyState>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Name</TableHead>
                <TableHead scope="col">Key</TableHead>
                <TableHead scope="col">Role</TableHead>
                <TableHead scope="col">Created</TableHead>
                <TableHead scope="col">Last used</TableHead>
                <TableHead scope="col" className="w-28">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {apiKeys.map((key) => (
                <TableRow key={key.id} className={key.revokedAt ? 'text-muted-foreground' : undefined}>
                  <TableRowHeader>{key.name}</TableRowHeader>
                  <TableCell>
                    <code>{key.prefix}…</code>
                  </TableCell>
                  <TableCell>{key.role}</TableCell>
                  <TableCell>
                    <time dateTime={key.createdAt}>{formatDateTime(key.createdAt)}</time>
                  </TableCell>
                  <TableCell>{key.lastUsedAt ? <time dateTime={key.lastUsedAt}>{formatDateTime(key.lastUsedAt)}</time> : <span className="text-muted-foreground">Never</span>}</TableCell>
                  <TableCell className="text-right">
                    {key.revokedAt ? (
                      <Badge variant="destructive">revoked</Badge>
                    ) : (
                      <ConfirmButton
                        label="Revoke"
                        ariaLabel={`Revoke the key ${key.name}`}
                        disabled={revoke.isPending && revoke.variables?.id === key.id}
                        title={<>Revoke the key “{key.name}”?</>}
                        description={
                          <>
                            Programs using <code>{key.prefix}…</code> are refused from their next call. This cannot be undone.
                          </>
                        }
                        confirmLabel="Revoke key"
                        destructive
                        onConfirm={() => revoke.mutate(key)}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {apiKeys.length > 0 && <p className="text-xs text-muted-foreground">{active.length === 1 ? '1 active key' : `${active.length} active keys`}</p>}
      </section>
    </div>
  );
}
