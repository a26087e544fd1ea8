'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '../../../ui/button';
import { FormField } from '../../../ui/form-field';
import { FormStatus } from '../../../ui/form-status';
import { Input } from '../../../ui/input';
import { useHydrated } from '../../../ui/use-hydrated';
import { postAuth } from '../auth-client';
import { signInHref } from '../next-path';

/** The API's rules for a new account (better-auth: passwords of 10 to 128 characters), checked here first. */
export const signUpSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100, 'Name must be at most 100 characters'),
  email: z.string().trim().min(1, 'Email is required').pipe(z.email('Email must be an email address')),
  password: z.string().min(10, 'Password must be at least 10 characters').max(128, 'Password must be at most 128 characters'),
});
type SignUpValues = z.infer<typeof signUpSchema>;

/** Creates an account (the API gives a new person their own workspace) and signs in; then a full load of `next`. */
export function SignUpForm({ next, email }: { next: string; email?: string | undefined }) {
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignUpValues>({ resolver: zodResolver(signUpSchema), defaultValues: { name: '', email: email ?? '', password: '' } });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await postAuth('sign-up/email', values);
      window.location.assign(next);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not create the account.');
      throw failure;
    }
  });
  return (
    <form noValidate method="post" className="grid gap-4" onSubmit={(event) => void submit(event).catch(() => undefined)}>
      <FormField id="sign-up-name" label="Name" error={errors.name?.message}>
        {(control) => <Input {...control} autoComplete="name" autoFocus {...form.register('name')} />}
      </FormField>
      <FormField id="sign-up-email" label="Email" error={errors.email?.message}>
        {(control) => <Input {...control} type="email" autoComplete="email" {...form.register('email')} />}
      </FormField>
      <FormField id="sign-up-password" label="Password" hint="At least 10 characters." error={errors.password?.message}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" {...form.register('password')} />}
      </FormField>
      {error && <FormStatus kind="error">{error}</FormStatus>}
      <Button type="submit" disabled={!hydrated || isSubmitting || isSubmitSuccessful}>
        {isSubmitting || isSubmitSuccessful ? 'Creating account…' : 'Create account'}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account? <Link href={signInHref(next, email)}>Sign in</Link>
      </p>
    </form>
  );
}
