import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeApiFailure } from './describe-api-failure';

const url = 'http://127.0.0.1:3001/trpc';

describe('describeApiFailure', () => {
  it('reports a refused connection with the innermost cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3001'), { code: 'ECONNREFUSED' });
    const error = TRPCClientError.from(new TypeError('fetch failed', { cause: refused }));
    expect(describeApiFailure(error, url)).toEqual({ kind: 'unreachable', url, detail: 'connect ECONNREFUSED 127.0.0.1:3001' });
  });

  it('reports a timeout in words', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(describeApiFailure(TRPCClientError.from(timeout), url)).toEqual({ kind: 'unreachable', url, detail: 'the request timed out' });
  });

  it('reports an error answer from the API with its code and message', () => {
    const error = TRPCClientError.from({
      error: { message: 'No workspace', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401 } },
    });
    expect(describeApiFailure(error, url)).toEqual({ kind: 'refused', url, code: 'UNAUTHORIZED', detail: 'No workspace' });
  });

  it('never throws on odd values', () => {
    expect(describeApiFailure('boom', url)).toEqual({ kind: 'unreachable', url, detail: 'boom' });
    expect(describeApiFailure(undefined, url)).toEqual({ kind: 'unreachable', url, detail: 'unknown error' });
  });
});
