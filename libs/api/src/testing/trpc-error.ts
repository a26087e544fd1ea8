import { TRPCError } from '@trpc/server';

/** For tests: the TRPCError `promise` rejects with; throws if it resolves or rejects with anything else. */
export async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}
