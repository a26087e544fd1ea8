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
import { signUpHref } from '../next-path';

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Email is required').pipe(z.email('Email must be an email address')),
  password: z.string().min(1, 'Password is required'),
});
type SignInValues = z.infer<typeof signInSchema>;

/** Email and password sign-in; on success a full load of `next` (a path on this site). */
export function SignInForm({ next, email }: { next: string; email?: string | undefined }) {
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { email: email ?? '', password: '' } });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await postAuth('sign-in/email', values);
      window.location.assign(next);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not sign in.');
      throw failure;
    }
  });
  return (
    <form noValidate method="post" className="grid gap-4" onSubmit={(event) => void submit(event).catch(() => undefined)}>
      <FormField id="sign-in-email" label="Email" error={errors.email?.message}>
        {(control) => <Input {...control} type="email" autoComplete="email" autoFocus {...form.register('email')} />}
      </FormField>
      <FormField id="sign-in-password" label="Password" error={errors.password?.message}>
        {(control) => <Input {...control} type="password" autoComplete="current-password" {...form.register('password')} />}
      </FormField>
      {error && <FormStatus kind="error">{error}</FormStatus>}
      <Button type="submit" disabled={!hydrated || isSubmitting || isSubmitSuccessful}>
        {isSubmitting || isSubmitSuccessful ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        New to Parley? <Link href={signUpHref(next, email)}>Create an account</Link>
      </p>
    </form>
  );
}
