import { buildHeaders } from '../api/build-http-request';
import { callWaitSeconds } from '../api/call-wait-seconds';
import { renderJsonTemplate } from '../api/render-json-template';
import { checkHttpUrl } from '../api/render-url';
import { requestRefs } from '../api/request-refs';
import { duplicateHeaders, isJsonTemplate } from '../api/validate-request';
import type { AttributeRef } from '../attribute-ref-schema';
import type { AttributeValue, AttributeValues } from '../attribute-values-schema';
import { httpResponseResultSchema, type HttpRateLimit, type HttpRequestCall } from '../calls/http-request-call';
import type { ElementContext } from '../element-definition';
import type { ElementIssue } from '../element-issue-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import { placeholderRefs } from '../placeholder-refs';
import type { ResumeEvent } from '../resume-event-schema';
import { lookupDeclaration, type ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import type { Webhook } from './schema';

/** Webhook requests wait this long and are not retried. */
export const webhookTimeoutSeconds = 10;

/** The spec's throughput limits, enforced by the executor: 100 requests/s per endpoint, 50 per endpoint per source IP. */
export const webhookRateLimit: HttpRateLimit = { perEndpoint: 100, perEndpointPerSource: 50 };

/** The inbound attribute holding the session id (set by the engine). */
const sessionIdAttribute = 'sessionId';

export type BuiltWebhook = { ok: true; call: HttpRequestCall } | { ok: false; message: string };

/**
 * Builds the webhook's `http.request` (pure, total):
 * - url: `url` (static) or the text of attribute `urlAttribute` (dynamic), which must be
 *   an absolute http(s) URL; it is used as is (no placeholders are filled in it);
 * - headers: Content-Type application/json, then the configured ones (see buildHeaders);
 * - body: `body` filled JSON-safely (renderJsonTemplate); with `sessionIdParameter`, the
 *   body must be a JSON object (none: `{}`) and that member is set to the session id
 *   (the inbound attribute sessionId, '' when unknown); without body and parameter: none;
 * - 10 s timeout, no retries, and the spec's rate limits.
 */
export function buildWebhookRequest(element: Webhook, attributes: Readonly<AttributeValues>): BuiltWebhook {
  const target = element.urlType === 'static' ? element.url : attributeText(attributes, element.urlAttribute);
  if (target === undefined) {
    return { ok: false, message: element.urlType === 'static' ? 'No URL is configured.' : `Attribute "${element.urlAttribute ?? ''}" holds no URL.` };
  }
  const url = checkHttpUrl(target);
  if (!url.ok) return url;
  const headers = buildHeaders('json', element.headers, attributes);
  if (!headers.ok) return headers;

  let text = element.body === undefined ? undefined : renderJsonTemplate(element.body, attributes);
  if (element.sessionIdParameter !== undefined) {
    const payload = parseObject(text ?? '{}');
    if (payload === undefined) return { ok: false, message: 'The body is not a JSON object, so the session id cannot be added.' };
    Object.defineProperty(payload, element.sessionIdParameter, {
      value: attributeText(attributes, sessionIdAttribute) ?? '',
      enumerable: true,
      writable: true,
      configurable: true,
    });
    text = JSON.stringify(payload);
  }

  const call: HttpRequestCall = {
    name: 'http.request',
    purpose: 'webhook',
    method: element.method,
    url: url.url,
    headers: headers.headers,
    timeoutMs: webhookTimeoutSeconds * 1000,
    retries: 0,
    rateLimit: { ...webhookRateLimit },
  };
  if (text !== undefined) call.body = { kind: 'text', text };
  return { ok: true, call };
}

/**
 * Sends the webhook and waits for its result. The Webhook has no fallback (spec): a
 * request that cannot be built is not sent, its status code is saved as 0, and the flow
 * continues through 'next'.
 */
export function runWebhook(element: Webhook, context: ElementContext): ElementOutcome {
  const built = buildWebhookRequest(element, context.attributes);
  if (!built.ok) return { kind: 'continue', port: 'next', effects: [], attributes: statusAttributes(element, 0) };
  return {
    kind: 'wait',
    waitFor: { kind: 'call.result', timeoutSeconds: callWaitSeconds(webhookTimeoutSeconds, 0) },
    effects: [{ type: 'call', call: built.call }],
    attributes: {},
  };
}

/**
 * Always continues through 'next' (branch on the code with a Conditions element). The
 * status code attribute gets the response's status, whatever it is, or 0 when no
 * response arrived (network error, timeout, refused, malformed result).
 */
export function resumeWebhook(element: Webhook, _waitFor: WaitFor, event: ResumeEvent, _context: ElementContext): ElementOutcome {
  const parsed = event.type === 'call.result' && event.ok ? httpResponseResultSchema.safeParse(event.result) : undefined;
  const status = parsed?.success === true ? parsed.data.status : 0;
  return { kind: 'continue', port: 'next', effects: [], attributes: statusAttributes(element, status) };
}

/** Reads: placeholders of headers and body, the URL attribute; writes: saveStatusCodeAs. */
export function webhookAttributeRefs(element: Webhook): AttributeRef[] {
  const refs: AttributeRef[] = [...requestRefs({ headers: element.headers })];
  if (element.body !== undefined) refs.push(...placeholderRefs(element.body, ['body']));
  if (element.urlType === 'dynamic' && element.urlAttribute !== undefined) {
    refs.push({ name: element.urlAttribute, access: 'read', path: ['urlAttribute'], valuePath: [], via: 'field' });
  }
  if (element.saveStatusCodeAs !== undefined) {
    refs.push({ name: element.saveStatusCodeAs, access: 'write', path: ['saveStatusCodeAs'], valuePath: [], via: 'field' });
  }
  return refs;
}

/**
 * - required: `url` for a static URL, `urlAttribute` for a dynamic one;
 * - unused-field (warning): the other one is set too;
 * - type-mismatch: `urlAttribute` is not a url or text attribute;
 * - invalid-json: the body is not JSON once placeholders are filled, or not a JSON object
 *   when `sessionIdParameter` is set;
 * - duplicate-key: a header name used twice (case-insensitive).
 */
export function validateWebhook(element: Webhook, context: ValidationContext): ElementIssue[] {
  const issues: ElementIssue[] = [];
  if (element.urlType === 'static') {
    if (element.url === undefined) issues.push({ field: 'url', rule: 'required', message: 'Enter the webhook URL.' });
    if (element.urlAttribute !== undefined) {
      issues.push({ field: 'urlAttribute', rule: 'unused-field', severity: 'warning', message: 'The URL type is static, so urlAttribute is ignored.' });
    }
  } else {
    if (element.urlAttribute === undefined) {
      issues.push({ field: 'urlAttribute', rule: 'required', message: 'Choose the attribute that holds the webhook URL.' });
    } else {
      const declaration = lookupDeclaration(context.declarations, element.urlAttribute);
      if (declaration !== undefined && declaration.type !== 'url' && declaration.type !== 'text') {
        issues.push({
          field: 'urlAttribute',
          rule: 'type-mismatch',
          message: `"${element.urlAttribute}" is a ${declaration.type} attribute; a dynamic URL needs a url or text attribute.`,
        });
      }
    }
    if (element.url !== undefined) {
      issues.push({ field: 'url', rule: 'unused-field', severity: 'warning', message: 'The URL type is dynamic, so url is ignored.' });
    }
  }
  if (element.body !== undefined && !isJsonTemplate(element.body, element.sessionIdParameter !== undefined)) {
    issues.push({
      field: 'body',
      rule: 'invalid-json',
      message:
        element.sessionIdParameter === undefined
          ? 'The body is not valid JSON (placeholders may stand for values or sit inside strings).'
          : 'The body must be a JSON object so the session id parameter can be added.',
    });
  }
  return [...issues, ...duplicateHeaders(element.headers)];
}

function statusAttributes(element: Webhook, status: number): AttributeValues {
  return element.saveStatusCodeAs === undefined ? {} : { [element.saveStatusCodeAs]: status };
}

/** The attribute's value when it is a non-empty string (after trimming). */
function attributeText(attributes: Readonly<AttributeValues>, name: string | undefined): string | undefined {
  if (name === undefined || !Object.hasOwn(attributes, name)) return undefined;
  const value = attributes[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function parseObject(text: string): { [key: string]: AttributeValue } | undefined {
  try {
    const parsed: AttributeValue = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
