import { TRPCError } from '@trpc/server';
import { roleProcedure } from '../workspace-procedure';
import { CodeAssistantError, type CodeAssistantErrorKind } from './code-assistant-error';

const trpcCodes = {
  'not-configured': 'PRECONDITION_FAILED',
  'invalid-code': 'BAD_REQUEST',
  upstream: 'BAD_GATEWAY',
  timeout: 'GATEWAY_TIMEOUT',
} satisfies Record<CodeAssistantErrorKind, TRPCError['code']>;

/**
 * Base of the `codeAssistant.*` procedures: a workspace procedure (the assistant spends
 * the operator's model budget, so anonymous callers are refused) that turns a
 * CodeAssistantError into a TRPCError with its message: PRECONDITION_FAILED (not
 * configured), BAD_REQUEST (code that does not parse), BAD_GATEWAY (the endpoint failed),
 * GATEWAY_TIMEOUT.
 */
export const codeAssistantProcedure = roleProcedure('builder', { outsideTransaction: "the assistant waits on the language model" }).use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof CodeAssistantError) {
    throw new TRPCError({ code: trpcCodes[result.error.cause.kind], message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});
