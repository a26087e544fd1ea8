import type { AttributeRef } from '../attribute-ref-schema';
import { isInboundAttribute } from '../attribute-declaration-schema';
import type { AttributeValues } from '../attribute-values-schema';
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
import { buildHttpRequest } from './build-http-request';
import { callWaitSeconds } from './call-wait-seconds';
import { mapResponse } from './map-response';
import { formatField, requestRefs } from './request-refs';
import type { Api } from './schema';
import { validateRequest } from './validate-request';

/**
 * Builds the request (see buildHttpRequest; inbound attributes are never filled in, per
 * the spec) and waits for the `http.request` call's result. A request that cannot be
 * built (e.g. its URL renders invalid) takes the fallback without a call.
 */
export function runApi(element: Api, context: ElementContext): ElementOutcome {
  const built = buildHttpRequest(element, withoutInbound(context.attributes), {
    purpose: 'api',
    timeoutMs: element.timeoutSeconds * 1000,
    retries: element.retries,
    mtlsCertificateId: element.mtlsCertificateId,
  });
  if (!built.ok) return fallback(element, statusAttributes(element, 0));
  return {
    kind: 'wait',
    waitFor: { kind: 'call.result', timeoutSeconds: callWaitSeconds(element.timeoutSeconds, element.retries) },
    effects: [{ type: 'call', call: built.call }],
    attributes: {},
  };
}

/**
 * The result decides:
 * - a response with a 2xx status: the Response tab is applied (status, headers, body
 *   values; see mapResponse) and the flow continues through 'next';
 * - a response with any other status (after the executor's retries): only the status
 *   code is saved, then the fallback;
 * - no response (network error, timeout, refused; or the wait timed out; or a malformed
 *   result): the status code attribute gets 0, then the fallback.
 */
export function resumeApi(element: Api, _waitFor: WaitFor, event: ResumeEvent, _context: ElementContext): ElementOutcome {
  if (event.type !== 'call.result' || !event.ok) return fallback(element, statusAttributes(element, 0));
  const parsed = httpResponseResultSchema.safeParse(event.result);
  if (!parsed.success) return fallback(element, statusAttributes(element, 0));
  const response = parsed.data;
  if (response.status < 200 || response.status > 299) return fallback(element, statusAttributes(element, response.status));
  const mapped = mapResponse(element.response, response);
  return { kind: 'continue', port: 'next', effects: [], attributes: mapped.attributes };
}

/** 'next', plus 'fallback' when the fallback leaves through a port. */
export function apiPorts(element: Api): string[] {
  return fallbackPorts(['next'], element.fallback);
}

/** Reads: placeholders of the URL, headers and body, and the fallback message; writes: the Response tab's attributes. */
export function apiAttributeRefs(element: Api): AttributeRef[] {
  const writes: AttributeRef[] = [];
  const write = (name: string, path: (string | number)[]): void => {
    writes.push({ name, access: 'write', path, valuePath: [], via: 'field' });
  };
  if (element.response.saveStatusCodeAs !== undefined) write(element.response.saveStatusCodeAs, ['response', 'saveStatusCodeAs']);
  element.response.headers.forEach((header, index) => write(header.attribute, ['response', 'headers', index, 'attribute']));
  element.response.body.forEach((item, index) => write(item.attribute, ['response', 'body', index, 'attribute']));
  return [...requestRefs(element), ...writes, ...fallbackAttributeRefs(element.fallback)];
}

/**
 * The Request tab's rules (validateRequest), the spec's NOTE (no inbound attributes and
 * no lastReceivedMessage in the URL, headers or body: rule 'inbound-attribute-in-request',
 * at the field), and the fallback's target.
 */
export function validateApi(element: Api, context: ValidationContext): ElementIssue[] {
  const inbound = requestRefs(element)
    .filter((ref) => context.isInbound(ref.name))
    .map((ref): ElementIssue => {
      const field = formatField(ref.path);
      return {
        field,
        rule: 'inbound-attribute-in-request',
        message: `{{${ref.name}}} is an inbound attribute: inbound attributes and lastReceivedMessage cannot be used in the request (${field}).`,
      };
    });
  return [...validateRequest(element), ...inbound, ...validateFallback(element.fallback, context)];
}

function withoutInbound(attributes: Readonly<AttributeValues>): AttributeValues {
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => !isInboundAttribute(name)));
}

function statusAttributes(element: Api, status: number): AttributeValues {
  return element.response.saveStatusCodeAs === undefined ? {} : { [element.response.saveStatusCodeAs]: status };
}

function fallback(element: Api, attributes: AttributeValues): ElementOutcome {
  return element.fallback === undefined
    ? { kind: 'fallback', effects: [], attributes }
    : { kind: 'fallback', fallback: element.fallback, effects: [], attributes };
}
