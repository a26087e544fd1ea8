import { TRPCError } from '@trpc/server';
import { validateFlow, type FlowIssue } from '@parley/engine';
import { FlowInvalidError } from './flow-invalid-error';

/**
 * Checks a flow document with validateFlow. Valid: returns its warnings (which
 * never block). Invalid: throws BAD_REQUEST whose message lists the first
 * errors by element and field, and whose `data.issues` carries all of them.
 */
export function requireValidFlow(subject: string, document: unknown): FlowIssue[] {
  const result = validateFlow(document);
  if (result.ok) return result.warnings;
  const cause = new FlowInvalidError(subject, result.errors);
  throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
}
