'use client';

import type { ReactNode } from 'react';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from './alert-dialog';
import { Button } from './button';

export type ConfirmButtonProps = {
  /** The small outline button's text, e.g. "Revoke". */
  label: string;
  /** Its accessible name, naming what it acts on, e.g. "Revoke the key CI". */
  ariaLabel: string;
  disabled?: boolean;
  title: ReactNode;
  description: ReactNode;
  /** The confirming button's text, e.g. "Revoke key". */
  confirmLabel: string;
  /** Red confirming button: the action cannot be undone. */
  destructive?: boolean;
  onConfirm: () => void;
};

/**
 * A button whose action is confirmed first in a dialog (Cancel has the focus; Escape
 * cancels): revoking a key or an invitation, removing a member, revealing a secret.
 */
export function ConfirmButton({ label, ariaLabel, disabled = false, title, description, confirmLabel, destructive = false, onConfirm }: ConfirmButtonProps) {
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={ariaLabel} disabled={disabled}>
          {label}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction destructive={destructive} onClick={onConfirm}>
            {confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
