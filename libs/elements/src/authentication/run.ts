import { buildHttpRequest } from '../api/build-http-request';
import { callWaitSeconds } from '../api/call-wait-seconds';
import { responseHeader } from '../api/map-response';
import { parseResponseBody } from '../api/parse-response-body';
import { requestRefs } from '../api/request-refs';
import { selectResponseValue } from '../api/select-response-value';
import { validateRequest } from '../api/validate-request';
import type { AttributeRef } from '../attribute-ref-schema';
import { httpResponseResultSchema } from '../calls/http-request-call';
import type { ElementContext } from '../element-definition';
import type { ElementIssue } from '../element-issue-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import { fallbackAttributeRefs } from '../fallback/fallback-attribute-refs';
import { fallbackPorts } from '../fallback/fallback-ports';
import { validateFallback } from '../fallback/validate-fallback';
import type { ResumeEvent } from '../resume-event-schema';
import type { ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import type { Authentication } from './schema';

/** Authentication requests wait this long per attempt and are not retried. */
export const authenticationTimeoutSeconds = 10;

/**
 * Builds the request like the API element (buildHttpRequest; inbound attributes such as
 * endUserDestination may be used: authenticating the end user often needs them) and
 * waits for the `http.request` result. A request that cannot be built takes the fallback.
 */
export function runAuthentication(element: Authentication, context: ElementContext): ElementOutcome {
  const built = buildHttpRequest(element, context.attributes, {
    purpose: 'authentication',
    timeoutMs: authenticationTimeoutSeconds * 1000,
    retries: 0,
  });
  if (!built.ok) return fallback(element);
  return {
    kind: 'wait',
    waitFor: { kind: 'call.result', timeoutSeconds: callWaitSeconds(authenticationTimeoutSeconds, 0) },
    effects: [{ type: 'call', call: built.call }],
    attributes: {},
  };
}

/**
 * A 2xx response saves the token to `saveAs` and continues through 'next': the value at
 * `tokenPath` (JSON: keeps its type; XML: the element's text), or without `tokenPath` the
 * whole body (parsed JSON when it is JSON, else the text). Anything else (no response,
 * another status, nothing at `tokenPath`, a malformed result) takes the fallback and
 * leaves `saveAs` as it was.
 */
export function resumeAuthentication(element: Authentication, _waitFor: WaitFor, event: ResumeEvent, _context: ElementContext): ElementOutcome {
  if (event.type !== 'call.result' || !event.ok) return fallback(element);
  const parsed = httpResponseResultSchema.safeParse(event.result);
  if (!parsed.success) return fallback(element);
  const response = parsed.data;
  if (response.status < 200 || response.status > 299) return fallback(element);
  const body = parseResponseBody(response.body, responseHeader(response, 'content-type'));
  const token = selectResponseValue(body, element.tokenPath ?? '', 'text');
  if (token === undefined) return fallback(element);
  return { kind: 'continue', port: 'next', effects: [], attributes: { [element.saveAs]: token } };
}

export function authenticationPorts(element: Authentication): string[] {
  return fallbackPorts(['next'], element.fallback);
}

/** Reads: placeholders of the URL, headers and body, and the fallback message; writes: saveAs. */
export function authenticationAttributeRefs(element: Authentication): AttributeRef[] {
  return [
    ...requestRefs(element),
    { name: element.saveAs, access: 'write', path: ['saveAs'], valuePath: [], via: 'field' },
    ...fallbackAttributeRefs(element.fallback),
  ];
}

/** The Request tab's rules (validateRequest: the body is for POST only) and the fallback's target. */
export function validateAuthentication(element: Authentication, context: ValidationContext): ElementIssue[] {
  return [...validateRequest(element), ...validateFallback(element.fallback, context)];
}

function fallback(element: Authentication): ElementOutcome {
  return element.fallback === undefined
    ? { kind: 'fallback', effects: [], attributes: {} }
    : { kind: 'fallback', fallback: element.fallback, effects: [], attributes: {} };
}
