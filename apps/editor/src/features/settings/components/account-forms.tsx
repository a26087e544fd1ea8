'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '../../../ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../ui/card';
import { FormField } from '../../../ui/form-field';
import { FormStatus } from '../../../ui/form-status';
import { Input } from '../../../ui/input';
import { useHydrated } from '../../../ui/use-hydrated';
import { postAuth } from '../../auth/auth-client';

const profileSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100, 'Name must be at most 100 characters'),
});
type ProfileValues = z.infer<typeof profileSchema>;

export const passwordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Current password is required'),
    newPassword: z.string().min(10, 'New password must be at least 10 characters').max(128, 'New password must be at most 128 characters'),
    confirmPassword: z.string().min(1, 'Confirm the new password'),
    revokeOtherSessions: z.boolean(),
  })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ['confirmPassword'], message: 'Confirmation does not match the new password' });
type PasswordValues = z.infer<typeof passwordSchema>;

/** The person's name (shown to teammates and in the audit log); the email is shown, not editable here. */
export function ProfileForm({ name, email }: { name: string; email: string }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<ProfileValues>({ resolver: zodResolver(profileSchema), defaultValues: { name } });
  const save = useMutation({
    mutationFn: (values: ProfileValues) => postAuth('update-user', values),
    onSuccess: (_result, values) => {
      form.reset(values);
      router.refresh();
    },
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Profile</CardTitle>
        <CardDescription>Your name is shown to your teammates and in audit logs.</CardDescription>
      </CardHeader>
      <CardContent>
        <form noValidate method="post" className="grid gap-4" onSubmit={form.handleSubmit((values) => save.mutate(values))}>
          <FormField id="account-email" label="Email" hint="You sign in with this address.">
            {(control) => <Input {...control} type="email" value={email} readOnly />}
          </FormField>
          <FormField id="account-name" label="Name" error={form.formState.errors.name?.message}>
            {(control) => <Input {...control} autoComplete="name" {...form.register('name')} />}
          </FormField>
          {save.isError && <FormStatus kind="error">{save.error.message}</FormStatus>}
          {save.isSuccess && !form.formState.isDirty && <FormStatus kind="success">Your name was saved.</FormStatus>}
          <div>
            <Button type="submit" disabled={!hydrated || save.isPending}>
              {save.isPending ? 'Saving…' : 'Save name'}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

/** Changes the password (the current one is asked for again), optionally signing out every other session. */
export function PasswordForm() {
  const hydrated = useHydrated();
  const form = useForm<PasswordValues>({
    resolver: zodResolver(passwordSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '', revokeOtherSessions: true },
  });
  const { errors } = form.formState;
  const change = useMutation({
    mutationFn: (values: PasswordValues) =>
      postAuth('change-password', { currentPassword: values.currentPassword, newPassword: values.newPassword, revokeOtherSessions: values.revokeOtherSessions }),
    onSuccess: () => form.reset(),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Password</CardTitle>
        <CardDescription>At least 10 characters.</CardDescription>
      </CardHeader>
      <CardContent>
        <form noValidate method="post" className="grid gap-4" onSubmit={form.handleSubmit((values) => change.mutate(values))}>
          <FormField id="current-password" label="Current password" error={errors.currentPassword?.message}>
            {(control) => <Input {...control} type="password" autoComplete="current-password" {...form.register('currentPassword')} />}
          </FormField>
          <FormField id="new-password" label="New password" error={errors.newPassword?.message}>
            {(control) => <Input {...control} type="password" autoComplete="new-password" {...form.register('newPassword')} />}
          </FormField>
          <FormField id="confirm-password" label="Confirm new password" error={errors.confirmPassword?.message}>
            {(control) => <Input {...control} type="password" autoComplete="new-password" {...form.register('confirmPassword')} />}
          </FormField>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-primary" {...form.register('revokeOtherSessions')} />
            Sign out my other sessions
          </label>
          {change.isError && <FormStatus kind="error">{change.error.message}</FormStatus>}
          {change.isSuccess && <FormStatus kind="success">Your password was changed.</FormStatus>}
          <div>
            <Button type="submit" disabled={!hydrated || change.isPending}>
              {change.isPending ? 'Changing…' : 'Change password'}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
