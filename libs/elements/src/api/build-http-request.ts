import type { AttributeValue } from '../attribute-values-schema';
import type { HttpMethod, HttpRequestBody, HttpRequestCall, HttpRequestPurpose, HttpRateLimit } from '../calls/http-request-call';
import { findPlaceholders, replacePlaceholders } from '../find-placeholders';
import { renderTemplate } from '../render-template';
import { bodyModesByContentType, predefinedContentTypes, type ContentType } from './content-type-schema';
import { escapeXml } from './escape-xml';
import type { Header } from './header-list-schema';
import { renderJsonTemplate } from './render-json-template';
import { renderUrl } from './render-url';
import type { BodyPair, RequestBody } from './request-body-schema';
import { resolvePlaceholderValue } from './resolve-placeholder-value';

/** The Request-tab fields shared by API and Authentication (Webhook builds its own body). */
export type HttpRequestConfig = {
  readonly method: HttpMethod;
  readonly url: string;
  readonly escapeUrlParameters?: boolean | undefined;
  readonly contentType: ContentType;
  readonly headers: readonly Header[];
  readonly body?: RequestBody | undefined;
};

/** What the element adds to the request: who asks, and the transport limits. */
export type HttpTransport = {
  readonly purpose: HttpRequestPurpose;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly mtlsCertificateId?: string | undefined;
  readonly rateLimit?: HttpRateLimit | undefined;
};

/** A request that cannot be sent: the element takes its fallback (code 'invalid-request'). */
export type RequestProblem = { readonly code: 'invalid-request'; readonly message: string };

export type BuiltHttpRequest = { ok: true; call: HttpRequestCall } | { ok: false; problem: RequestProblem };

/**
 * Builds the `http.request` call from a Request-tab config and the attribute values.
 * Contract (pure, total, never throws):
 * - url: see renderUrl (placeholders filled, optional escaping, must be absolute http(s));
 * - headers: the content type's predefined Content-Type first (none for none, raw and
 *   form-data), then the configured headers with placeholders filled; a configured header
 *   replaces a predefined one of the same name (case-insensitive); a value that renders
 *   with a line break is refused (header injection);
 * - body, per content type: json key-value → a JSON object (a value that is exactly one
 *   placeholder keeps its type, missing → null; other values are text; later keys win);
 *   json editor → renderJsonTemplate; url-encoded → `application/x-www-form-urlencoded`
 *   text; form-data → parts; xml editor → values XML-escaped; raw/text editor → as is.
 * - a config validate rejects (a body with GET/HEAD or content type none, a body mode
 *   the content type does not offer) is refused, not guessed at.
 */
export function buildHttpRequest(
  config: HttpRequestConfig,
  attributes: Readonly<Record<string, AttributeValue>>,
  transport: HttpTransport,
): BuiltHttpRequest {
  const refuse = (message: string): BuiltHttpRequest => ({ ok: false, problem: { code: 'invalid-request', message } });

  const url = renderUrl(config.url, attributes, config.escapeUrlParameters ?? false);
  if (!url.ok) return refuse(url.message);

  const headers = buildHeaders(config.contentType, config.headers, attributes);
  if (!headers.ok) return refuse(headers.message);

  const body = buildBody(config, attributes);
  if (!body.ok) return refuse(body.message);

  const call: HttpRequestCall = {
    name: 'http.request',
    purpose: transport.purpose,
    method: config.method,
    url: url.url,
    headers: headers.headers,
    timeoutMs: transport.timeoutMs,
    retries: transport.retries,
  };
  if (body.body !== undefined) call.body = body.body;
  if (transport.mtlsCertificateId !== undefined) call.mtlsCertificateId = transport.mtlsCertificateId;
  if (transport.rateLimit !== undefined) call.rateLimit = { ...transport.rateLimit };
  return { ok: true, call };
}

export type BuiltHeaders = { ok: true; headers: Record<string, string> } | { ok: false; message: string };

/**
 * The request headers: the content type's predefined Content-Type first (none for none,
 * raw and form-data), then `headers` with placeholders filled, each replacing an earlier
 * header of the same name (case-insensitive). A Content-Type header is dropped with
 * form-data (the executor writes it with the boundary). A value that renders with a line
 * break is refused (header injection). Pure and total.
 */
export function buildHeaders(
  contentType: ContentType,
  headers: readonly Header[],
  attributes: Readonly<Record<string, AttributeValue>>,
): BuiltHeaders {
  const built: Record<string, string> = {};
  const predefined = contentType === 'form-data' ? undefined : predefinedContentTypes[contentType];
  if (predefined !== undefined) built['Content-Type'] = predefined;
  for (const header of headers) {
    const value = renderTemplate(header.value, attributes);
    if (/[\r\n]/.test(value)) return { ok: false, message: `The value of header "${header.key}" contains a line break.` };
    for (const name of Object.keys(built)) if (name.toLowerCase() === header.key.toLowerCase()) delete built[name];
    if (contentType === 'form-data' && header.key.toLowerCase() === 'content-type') continue;
    Object.defineProperty(built, header.key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, headers: built };
}

type BuiltBody = { ok: true; body: HttpRequestBody | undefined } | { ok: false; message: string };

function buildBody(config: HttpRequestConfig, attributes: Readonly<Record<string, AttributeValue>>): BuiltBody {
  const body = config.body;
  if (body === undefined) return { ok: true, body: undefined };
  if (config.method === 'GET' || config.method === 'HEAD') return { ok: false, message: `A ${config.method} request cannot have a body.` };
  if (config.contentType === 'none') return { ok: false, message: 'Content type "none" takes no body.' };
  if (!bodyModesByContentType[config.contentType].includes(body.type)) {
    const mode = body.type === 'editor' ? 'editor text' : 'key-value pairs';
    return { ok: false, message: `Content type "${config.contentType}" does not take ${mode}.` };
  }
  const text = (value: string): BuiltBody => ({ ok: true, body: { kind: 'text', text: value } });
  if (body.type === 'editor') {
    switch (config.contentType) {
      case 'json':
        return text(renderJsonTemplate(body.text, attributes));
      case 'xml':
        return text(replacePlaceholders(body.text, (placeholder) => escapeXml(renderTemplate(placeholder.raw, attributes))));
      default:
        return text(renderTemplate(body.text, attributes));
    }
  }
  const keyed = body.pairs.map((pair) => ({ key: renderTemplate(pair.key, attributes), pair }));
  switch (config.contentType) {
    case 'json':
      return text(JSON.stringify(Object.fromEntries(keyed.map(({ key, pair }) => [key, jsonPairValue(pair, attributes)]))));
    case 'url-encoded': {
      const form = new URLSearchParams();
      for (const { key, pair } of keyed) form.append(key, renderTemplate(pair.value, attributes));
      return text(form.toString());
    }
    default: {
      const parts = keyed.map(({ key, pair }) => ({ name: key, value: renderTemplate(pair.value, attributes) }));
      return { ok: true, body: { kind: 'form-data', parts } };
    }
  }
}

/** A JSON pair's value: typed when it is exactly one placeholder (missing → null), else text. */
function jsonPairValue(pair: BodyPair, attributes: Readonly<Record<string, AttributeValue>>): AttributeValue {
  const only = findPlaceholders(pair.value);
  const sole = only.length === 1 && only[0] !== undefined && only[0].raw === pair.value.trim() ? only[0] : undefined;
  if (sole === undefined) return renderTemplate(pair.value, attributes);
  return resolvePlaceholderValue(sole, attributes) ?? null;
}
