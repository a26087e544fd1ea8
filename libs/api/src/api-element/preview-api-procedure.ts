import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { apiElement, httpResponseResultSchema } from '@parley/elements';
import { executeHttpRequest, type CallContext } from '@parley/runner';
import { roleProcedure } from '../workspace-procedure';
import { apiPreviewSchema, maxPreviewBodyBytes, previewApiInputSchema, type ApiPreview } from './api-element-schemas';
import { buildPreviewCall } from './build-preview-call';
import { truncateUtf8 } from './truncate-utf8';

/** How a failed call is answered: the client's error kind → the tRPC code that says it best. */
const errorCodes: Readonly<Record<string, TRPC_ERROR_CODE_KEY>> = {
  timeout: 'GATEWAY_TIMEOUT',
  network: 'BAD_GATEWAY',
  'too-large': 'BAD_GATEWAY',
  blocked: 'FORBIDDEN',
  certificate: 'PRECONDITION_FAILED',
  'rate-limited': 'TOO_MANY_REQUESTS',
  'invalid-request': 'BAD_REQUEST',
};

/**
 * `apiElement.preview({ element, sampleAttributes })`: sends the element's request once,
 * for real, and shows what the element would make of the answer ("Preview the API call").
 * - The request is built by the element's own request builder with the sample values
 *   (buildPreviewCall) and sent through the runner's `executeHttpRequest` — the same path
 *   as a live session: the SSRF guard under THIS workspace's allowlist, its mTLS
 *   certificates, the element's timeout and retries.
 * - Any HTTP response, whatever its status, is a preview (see apiPreviewSchema); the
 *   resolved attributes come from the element's own result handling.
 * - A request that cannot be built (URL not absolute after the sample values, a header
 *   with a line break ...) → BAD_REQUEST. No response at all → an error whose message is
 *   the client's (method, origin, path, attempts; never the query string): timeout →
 *   GATEWAY_TIMEOUT, network / too-large → BAD_GATEWAY, blocked → FORBIDDEN (with a hint
 *   about the allowlist), certificate → PRECONDITION_FAILED.
 */
export const previewApiProcedure = roleProcedure('builder', { outsideTransaction: "the request waits on the partner's server" })
  .input(previewApiInputSchema)
  .output(apiPreviewSchema)
  .mutation(async ({ ctx, input }): Promise<ApiPreview> => {
    const { element, sampleAttributes } = input;
    const built = buildPreviewCall(element, sampleAttributes);
    if (!built.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: `The request cannot be sent: ${built.problem.message}` });
    const call = built.call;

    // A preview belongs to no bot, session or channel: only the workspace (allowlist, certificates) applies.
    const callContext: CallContext = {
      workspaceId: ctx.workspace.id,
      botId: '',
      sessionId: '',
      channelId: '',
      contact: '',
      now: Date.now(),
      secretKey: ctx.secretKey,
      ...(ctx.egress ? { egress: ctx.egress } : {}),
    };
    const started = performance.now();
    const outcome = await executeHttpRequest(ctx.db, callContext, call);
    const durationMs = Math.round(performance.now() - started);

    if (!outcome.ok) {
      const code = outcome.error?.code ?? 'network';
      const hint = code === 'blocked' ? ' Private, loopback and internal addresses are reachable only where the operator allows them (ELEMENT_EGRESS_ALLOW).' : '';
      throw new TRPCError({ code: errorCodes[code] ?? 'BAD_GATEWAY', message: `The request failed: ${outcome.error?.message ?? code}.${hint}` });
    }
    const response = httpResponseResultSchema.safeParse(outcome.result);
    if (!response.success) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'The executor returned a malformed response' });

    const resumed = apiElement.onEvent?.(
      element,
      { kind: 'call.result', timeoutSeconds: element.timeoutSeconds },
      { type: 'call.result', ok: true, result: response.data },
      { attributes: sampleAttributes, declarations: {}, now: callContext.now, random: Math.random },
    );
    const body = truncateUtf8(response.data.body, maxPreviewBodyBytes);
    return {
      request: { method: call.method, url: call.url },
      status: response.data.status,
      headers: response.data.headers,
      body: body.text,
      bodyTruncated: body.truncated,
      bodyBytes: body.bytes,
      durationMs,
      attempts: response.data.attempts,
      outcome: resumed?.kind === 'continue' ? 'next' : 'fallback',
      resolvedAttributes: resumed?.attributes ?? {},
    };
  });
