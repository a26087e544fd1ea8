import { httpMethodSchema, predefinedContentTypes } from '@parley/elements';
import { apiRequestFieldsSchema, type ApiRequestFields } from './api-request-fields-schema';
import { CurlImportError } from './curl-import-error';
import { parseCurlOptions, type CurlData, type CurlInvocation } from './parse-curl-options';
import { tokenizeShellCommand } from './tokenize-shell-command';

/** An imported command: the Request-tab fields, and what did not carry over exactly. */
export type CurlImport = { request: ApiRequestFields; warnings: string[] };

type ContentType = ApiRequestFields['contentType'];
type Header = ApiRequestFields['headers'][number];
type Body = NonNullable<ApiRequestFields['body']>;
type PositionedHeader = Header & { position: number };

/** Longest editor body and key-value limits of the element (libs/elements request-body-schema). */
const maxBodyText = 65_536;
const maxPairs = 100;
const maxPairKey = 256;
const maxPairValue = 4_096;

/** Headers the client computes itself; a copied value would be wrong or refused. */
const computedHeaders = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'expect', 'upgrade']);

/**
 * Reads a curl command (as Postman, Infobip's docs or a browser's "Copy as cURL" write
 * it; bash quoting, see tokenizeShellCommand) into the API element's Request tab:
 * - method: -X, else HEAD with -I, POST with data or a form, else GET;
 * - url: the one URL (positional or --url); -G moves the data into its query; a URL
 *   without scheme gets http:// as curl assumes;
 * - headers: -H, plus -u (Basic), --oauth2-bearer, -A, -e, -b as their headers, in
 *   order; a repeated name keeps the last value; Content-Length and hop-by-hop headers
 *   are left out; a Content-Type the content type predefines is not repeated;
 * - contentType and body, from the Content-Type the request would carry (curl's
 *   default for -d is application/x-www-form-urlencoded; --json: application/json):
 *   json → json, editor text; form-urlencoded → url-encoded key-value pairs (raw editor
 *   with the header when the data is not plain unique pairs); text/plain → text;
 *   application/xml → xml; -F → form-data pairs; anything else (text/xml for SOAP,
 *   vendor types) → raw with the Content-Type header kept. Without a Content-Type,
 *   data that is JSON is imported as json (with a warning: curl would mislabel it).
 * Options that only change how curl runs are ignored; some are reported in `warnings`.
 * Throws CurlImportError naming what could not be read: not a curl command, an
 * unterminated quote, an unknown option, an option without its value, no URL or more
 * than one, a body or form field read from a file, an unsupported method or scheme, a
 * body with GET/HEAD, a field over the element's limits. Pure.
 */
export function importCurlCommand(command: string): CurlImport {
  if (command.trim() === '') throw new CurlImportError('the command is empty: paste a curl command');
  const tokenized = tokenizeShellCommand(command);
  const [program, ...rest] = tokenized.words;
  if (program === undefined) throw new CurlImportError('the command is empty: paste a curl command');
  if (!/^(?:.*\/)?curl(?:\.exe)?$/i.test(program.value)) {
    throw new CurlImportError(`not a curl command: it starts with "${program.value}" instead of curl`);
  }
  const invocation = parseCurlOptions(rest);
  const warnings = [...tokenized.warnings, ...invocation.warnings];

  const method = requestMethod(invocation);
  const url = requestUrl(invocation, warnings);
  const headers = requestHeaders(invocation.headers, warnings);
  const { contentType, body } = requestBody(invocation, method, headers, warnings);
  const finalHeaders = withoutPredefinedContentType(headers, contentType, warnings);

  const request = { method, url, headers: finalHeaders.map(({ key, value }) => ({ key, value })), contentType, ...(body === undefined ? {} : { body }) };
  const parsed = apiRequestFieldsSchema.safeParse(request);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => describeIssue(issue.path, issue.message, finalHeaders));
    throw new CurlImportError(reasons.join('; '));
  }
  return { request: parsed.data, warnings };
}

function requestMethod(invocation: CurlInvocation): ApiRequestFields['method'] {
  const hasData = invocation.data.length > 0;
  const hasForm = invocation.form.length > 0;
  if (hasData && hasForm) throw new CurlImportError(`both data (${invocation.dataOption ?? '-d'}) and a form (-F) are given: one request has one body (curl refuses this too)`);
  if (invocation.get && hasForm) throw new CurlImportError('-G/--get puts data into the URL, which a form (-F) cannot go into');
  if (invocation.head && (hasForm || (hasData && !invocation.get))) throw new CurlImportError('-I/--head sends a HEAD request, which cannot have a body');
  const implied = invocation.head ? 'HEAD' : hasForm || (hasData && !invocation.get) ? 'POST' : 'GET';
  if (invocation.method === undefined) return implied;
  const method = httpMethodSchema.safeParse(invocation.method);
  if (!method.success) throw new CurlImportError(`the method ${invocation.method} (-X) is not supported: the API element sends GET, POST, PUT, DELETE, PATCH or HEAD`);
  const sendsBody = hasForm || (hasData && !invocation.get);
  if (sendsBody && (method.data === 'GET' || method.data === 'HEAD')) {
    throw new CurlImportError(`-X ${method.data} with a body: a ${method.data} request cannot have one (use -G to send the data in the URL)`);
  }
  return method.data;
}

function requestUrl(invocation: CurlInvocation, warnings: string[]): string {
  const [first, second] = invocation.urls;
  if (first === undefined) throw new CurlImportError('no URL found: the command must name the address to call, e.g. curl https://api.example.com/orders');
  if (second !== undefined) {
    const listed = invocation.urls.map((word) => `"${word.value}" at position ${word.position}`).join(', ');
    throw new CurlImportError(`more than one URL (${listed}): the API element sends one request; an option may be missing a value or need quotes`);
  }
  let url = first.value.trim();
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1];
  if (scheme === undefined && !url.startsWith('{{')) {
    url = `http://${url}`;
    warnings.push(`The URL has no scheme; http:// was added, as curl assumes. Use https:// if the API expects it.`);
  } else if (scheme !== undefined && !/^https?$/i.test(scheme)) {
    throw new CurlImportError(`the URL "${first.value}" at position ${first.position} uses ${scheme}://; the API element calls http:// and https:// URLs only`);
  }
  if (invocation.get && invocation.data.length > 0) {
    const query = dataText(invocation.data);
    const hash = url.indexOf('#');
    const base = hash < 0 ? url : url.slice(0, hash);
    url = `${base}${base.includes('?') ? '&' : '?'}${query}${hash < 0 ? '' : url.slice(hash)}`;
  }
  return url;
}

function requestHeaders(raw: CurlInvocation['headers'], warnings: string[]): PositionedHeader[] {
  const headers: PositionedHeader[] = [];
  for (const { name, value, position } of raw) {
    const lower = name.toLowerCase();
    if (computedHeaders.has(lower)) {
      warnings.push(`The ${name} header was left out: it is set when the request is sent.`);
      continue;
    }
    const earlier = headers.find((header) => header.key.toLowerCase() === lower);
    if (earlier === undefined) {
      headers.push({ key: name, value, position });
      continue;
    }
    if (lower === 'cookie') {
      earlier.value = `${earlier.value}; ${value}`;
      continue;
    }
    warnings.push(`The header ${name} is given more than once; the last value (position ${position}) was kept.`);
    earlier.value = value;
    earlier.position = position;
  }
  return headers;
}

type BodyChoice = { contentType: ContentType; body: Body | undefined };

/** The content type and body; adds to `headers` the Content-Type (and Accept) curl would send implicitly. */
function requestBody(invocation: CurlInvocation, method: ApiRequestFields['method'], headers: PositionedHeader[], warnings: string[]): BodyChoice {
  const declared = headers.find((header) => header.key.toLowerCase() === 'content-type');
  const mediaType = declared?.value.split(';')[0]?.trim().toLowerCase();

  if (invocation.form.length > 0) {
    const pairs: { key: string; value: string }[] = [];
    for (const part of invocation.form) {
      const earlier = pairs.find((pair) => pair.key === part.name);
      if (earlier !== undefined) {
        warnings.push(`The form field "${part.name}" is given more than once; the last value was kept.`);
        earlier.value = part.value;
      } else pairs.push({ key: part.name, value: part.value });
    }
    if (pairs.length > maxPairs) throw new CurlImportError(`the form has ${pairs.length} fields; the API element takes at most ${maxPairs}`);
    for (const pair of pairs) {
      if (pair.key.length > maxPairKey) throw new CurlImportError(`the form field name "${pair.key.slice(0, 40)}..." is longer than ${maxPairKey} characters`);
      if (pair.value.length > maxPairValue) throw new CurlImportError(`the form field "${pair.key}" is longer than ${maxPairValue} characters`);
    }
    return { contentType: 'form-data', body: { type: 'key-value', pairs } };
  }

  const sendsData = invocation.data.length > 0 && !invocation.get && method !== 'GET' && method !== 'HEAD';
  if (!sendsData) return { contentType: contentTypeOf(mediaType), body: undefined };

  const text = dataText(invocation.data);
  const isJsonOption = invocation.data.some((piece) => piece.kind === 'json');
  let effective = mediaType ?? (isJsonOption ? 'application/json' : undefined);
  if (effective === undefined) {
    if (looksLikeJson(text)) {
      warnings.push('No Content-Type header is given, so curl would label this JSON body application/x-www-form-urlencoded; it was imported as JSON.');
      effective = 'application/json';
    } else effective = 'application/x-www-form-urlencoded';
  }
  if (declared === undefined && isJsonOption) headers.push({ key: 'Content-Type', value: 'application/json', position: 0 });
  if (isJsonOption && !headers.some((header) => header.key.toLowerCase() === 'accept')) headers.push({ key: 'Accept', value: 'application/json', position: 0 });

  const contentType = contentTypeOf(effective);
  if (contentType === 'url-encoded') {
    const pairs = formPairs(invocation.data);
    if (pairs !== undefined) return { contentType, body: { type: 'key-value', pairs } };
    // Not expressible as unique key-value pairs: send the text as written, labelled as curl would.
    if (declared === undefined) headers.push({ key: 'Content-Type', value: 'application/x-www-form-urlencoded', position: 0 });
    return { contentType: 'raw', body: editorBody(text) };
  }
  if (contentType === 'form-data') {
    // A multipart Content-Type with -d data: the boundary is in the text, so send it as written.
    return { contentType: 'raw', body: editorBody(text) };
  }
  if (contentType === 'json' && !looksLikeJson(text)) warnings.push('The body is labelled JSON but is not valid JSON; check it in the editor.');
  return { contentType, body: editorBody(text) };
}

/** The element's content type for a media type (lower-case, no parameters). */
function contentTypeOf(mediaType: string | undefined): ContentType {
  if (mediaType === undefined || mediaType === '') return 'none';
  if (/^application\/(?:[a-z0-9.!#$&^_-]+\+)?json$/.test(mediaType)) return 'json';
  switch (mediaType) {
    case 'application/x-www-form-urlencoded':
      return 'url-encoded';
    case 'text/plain':
      return 'text';
    case 'application/xml':
      return 'xml';
    case 'multipart/form-data':
      return 'form-data';
    default:
      return 'raw';
  }
}

/**
 * Drops a Content-Type header the content type already sends (same value, ignoring case
 * and spaces), and any Content-Type with form-data (the multipart boundary is set when
 * sending; validate refuses the header there).
 */
function withoutPredefinedContentType(headers: PositionedHeader[], contentType: ContentType, warnings: string[]): PositionedHeader[] {
  const predefined = predefinedContentTypes[contentType];
  return headers.filter((header) => {
    if (header.key.toLowerCase() !== 'content-type') return true;
    if (contentType === 'form-data') {
      if (!/^multipart\/form-data\s*(?:;.*)?$/i.test(header.value)) warnings.push(`The Content-Type "${header.value}" was replaced: a form is sent as multipart/form-data.`);
      return false;
    }
    return predefined === undefined || header.value.replace(/\s+/g, '').toLowerCase() !== predefined;
  });
}

/** The data as curl sends it: pieces joined with &, --data-urlencode values encoded. */
function dataText(data: readonly CurlData[]): string {
  const onlyJson = data.every((piece) => piece.kind === 'json');
  return data
    .map((piece) => {
      switch (piece.kind) {
        case 'urlencode':
          return piece.name === undefined ? encodeFormComponent(piece.value) : `${piece.name}=${encodeFormComponent(piece.value)}`;
        default:
          return piece.text;
      }
    })
    .join(onlyJson ? '' : '&');
}

/**
 * The data as unique key-value pairs (decoded), or undefined when it is not plain
 * `name=value` pairs within the element's limits (then it is sent as raw text).
 */
function formPairs(data: readonly CurlData[]): { key: string; value: string }[] | undefined {
  const pairs: { key: string; value: string }[] = [];
  for (const piece of data) {
    if (piece.kind === 'json') return undefined;
    if (piece.kind === 'urlencode') {
      if (piece.name === undefined) return undefined;
      pairs.push({ key: piece.name, value: piece.value });
      continue;
    }
    for (const field of piece.text.split('&')) {
      if (field === '') continue;
      const equals = field.indexOf('=');
      if (equals <= 0) return undefined;
      const key = decodeFormComponent(field.slice(0, equals));
      const value = decodeFormComponent(field.slice(equals + 1));
      if (key === undefined || value === undefined) return undefined;
      pairs.push({ key, value });
    }
  }
  const keys = new Set(pairs.map((pair) => pair.key));
  const fits = pairs.length >= 1 && pairs.length <= maxPairs && keys.size === pairs.length;
  return fits && pairs.every((pair) => pair.key.length <= maxPairKey && pair.value.length <= maxPairValue) ? pairs : undefined;
}

function editorBody(text: string): Body | undefined {
  if (text === '') return undefined;
  if (text.length > maxBodyText) throw new CurlImportError(`the body is ${text.length} characters long; the API element takes at most ${maxBodyText}`);
  return { type: 'editor', text };
}

/** True when `text` is a JSON object or array, placeholders ({{name}}) standing for values. */
function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  try {
    JSON.parse(trimmed.replace(/\{\{[^{}]*\}\}/g, '0'));
    return true;
  } catch {
    return false;
  }
}

function encodeFormComponent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeFormComponent(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function describeIssue(path: readonly PropertyKey[], message: string, headers: readonly PositionedHeader[]): string {
  const [field, index, part] = path;
  if (field === 'headers' && typeof index === 'number') {
    const header = headers[index];
    const where = header === undefined || header.position === 0 ? '' : ` (position ${header.position})`;
    return `the header ${part === 'value' ? 'value of ' : ''}"${header?.key ?? index}"${where}: ${message}`;
  }
  if (field === 'headers') return `headers: ${message}`;
  if (field === 'url') return `the URL: ${message}`;
  return `${path.map(String).join('.')}: ${message}`;
}

