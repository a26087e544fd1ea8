'use client';

import Link from 'next/link';
import { useState } from 'react';
import { postAuth } from '../../auth/auth-client';
import { Button } from '../../../ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../../../ui/dropdown-menu';
import { ChevronDownIcon } from '../../../ui/icons';

/** The signed-in person's menu: who they are, account settings, sign out. */
export function UserMenu({ user }: { user: { name: string; email: string } }) {
  const [error, setError] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const signOut = async (): Promise<void> => {
    setSigningOut(true);
    setError(null);
    try {
      await postAuth('sign-out');
      // A full load: nothing of the signed-in session stays in the page.
      window.location.assign('/sign-in');
    } catch (failure) {
      setSigningOut(false);
      setError(failure instanceof Error ? failure.message : 'Could not sign out.');
    }
  };
  return (
    <div className="flex items-center gap-2">
      {error && (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      )}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="sm">
            <span className="sr-only">Account menu for </span>
            <span aria-hidden="true" className="flex size-6 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground">
              {(user.name || user.email).slice(0, 1).toUpperCase()}
            </span>
            <span className="max-w-40 truncate">{user.name || user.email}</span>
            <ChevronDownIcon className="opacity-60" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuLabel className="grid font-normal">
            <span className="text-sm font-medium text-foreground">{user.name}</span>
            <span className="truncate">{user.email}</span>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/settings/account">Account settings</Link>
          </DropdownMenuItem>
          <DropdownMenuItem disabled={signingOut} onSelect={() => void signOut()}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
