import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { refusedFlowIssues } from './refused-flow-issues';

function clientError(data: unknown): TRPCClientError<never> {
  return TRPCClientError.from({ error: { message: 'Draft is not a valid flow (1 error)', code: -32600, data } });
}

describe('refusedFlowIssues', () => {
  it('reads every issue of a refused flow', () => {
    const issue = { path: 'dialogs[0].elements[0].text', elementId: 'hello', field: 'text', rule: 'required', message: 'Text is required' };
    expect(refusedFlowIssues(clientError({ code: 'BAD_REQUEST', issues: [issue], inputIssues: null }))).toEqual([issue]);
  });

  it('is empty for other errors', () => {
    expect(refusedFlowIssues(clientError({ code: 'CONFLICT', issues: null, inputIssues: null }))).toEqual([]);
    expect(refusedFlowIssues(new Error('offline'))).toEqual([]);
  });
});
