import type { TRPCError } from '@trpc/server';
import type { FlowIssue } from '@parley/engine';
import { FlowInvalidError } from '../flow-invalid-error';

/** The flow issues a FLOW_INVALID error carries (none for any other error). */
export function flowIssuesOf(error: TRPCError): FlowIssue[] {
  return error.cause instanceof FlowInvalidError ? error.cause.issues : [];
}
