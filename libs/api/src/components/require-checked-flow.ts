import { TRPCError } from '@trpc/server';
import type { FlowIssue, FlowValidation } from '@parley/engine';
import { FlowInvalidError } from '../flow-invalid-error';

/**
 * Valid: returns the warnings (which never block). Invalid: throws BAD_REQUEST whose
 * message lists the first errors by element and field, and whose `data.issues`
 * (through createCaller: `cause.issues`) carries all of them.
 */
export function requireCheckedFlow(subject: string, validation: FlowValidation): FlowIssue[] {
  if (validation.ok) return validation.warnings;
  const cause = new FlowInvalidError(subject, validation.errors);
  throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
}
