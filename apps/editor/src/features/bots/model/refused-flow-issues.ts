import { flowIssueSchema, type FlowIssue } from '@parley/engine';
import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';

const issuesDataSchema = z.object({ issues: z.array(flowIssueSchema) });

/**
 * The flow issues of a refused flow document (bots.create with a `draft`, saveDraft …):
 * the API's BAD_REQUEST carries every issue in `error.data.issues`. Empty for any other
 * error (then describeClientError says what went wrong).
 */
export function refusedFlowIssues(error: unknown): FlowIssue[] {
  if (!(error instanceof TRPCClientError)) return [];
  const parsed = issuesDataSchema.safeParse(error.data);
  return parsed.success ? parsed.data.issues : [];
}
