import type { ElementIssue } from '../element-issue-schema';
import { replacePlaceholders } from '../find-placeholders';
import { bodyModesByContentType, type ContentType } from './content-type-schema';
import type { Header } from './header-list-schema';
import { parseXmlDocument } from './parse-xml-document';
import { fillJsonTemplate } from './render-json-template';
import type { RequestBody } from './request-body-schema';

/** The Request-tab fields validateRequest checks. */
export type RequestRules = {
  readonly method: string;
  readonly contentType: ContentType;
  readonly headers: readonly Header[];
  readonly body?: RequestBody | undefined;
};

/**
 * Cross-field rules of a Request tab (API, Authentication):
 * - duplicate-key: a header name (case-insensitive) or body key used twice;
 * - header-not-allowed: a Content-Type header with form-data (the multipart boundary is set
 *   by the sender);
 * - body-not-allowed: a body with GET or HEAD, or with content type none;
 * - body-type-mismatch: a body mode the content type does not offer (see the spec table);
 * - invalid-json / invalid-xml: a json or xml editor text that is not well-formed once its
 *   placeholders are filled (xml: one root element, as SOAP requires).
 */
export function validateRequest(request: RequestRules): ElementIssue[] {
  const issues: ElementIssue[] = [...duplicateHeaders(request.headers)];
  if (request.contentType === 'form-data') {
    request.headers.forEach((header, index) => {
      if (header.key.toLowerCase() === 'content-type') {
        issues.push({
          field: `headers[${index}].key`,
          rule: 'header-not-allowed',
          message: 'Form data sets its own Content-Type (multipart/form-data with a boundary); remove this header.',
        });
      }
    });
  }
  const body = request.body;
  if (body === undefined) return issues;
  if (request.method === 'GET' || request.method === 'HEAD') {
    issues.push({ field: 'body', rule: 'body-not-allowed', message: `A ${request.method} request has no body; remove the body or choose another method.` });
    return issues;
  }
  const modes = bodyModesByContentType[request.contentType];
  if (modes.length === 0) {
    issues.push({ field: 'body', rule: 'body-not-allowed', message: 'Content type "none" has no body; remove the body or choose a content type.' });
    return issues;
  }
  if (!modes.includes(body.type)) {
    const offered = modes.map((mode) => (mode === 'key-value' ? 'key-value pairs' : 'the editor')).join(' or ');
    issues.push({ field: 'body.type', rule: 'body-type-mismatch', message: `Content type "${request.contentType}" takes ${offered}.` });
    return issues;
  }
  if (body.type === 'key-value') {
    const seen = new Set<string>();
    body.pairs.forEach((pair, index) => {
      if (seen.has(pair.key)) {
        issues.push({ field: `body.pairs[${index}].key`, rule: 'duplicate-key', message: `The key "${pair.key}" is used twice; keys must be unique.` });
      }
      seen.add(pair.key);
    });
  } else if (request.contentType === 'json' && !isJsonTemplate(body.text)) {
    issues.push({ field: 'body.text', rule: 'invalid-json', message: 'The body is not valid JSON (placeholders may stand for values or sit inside strings).' });
  } else if (request.contentType === 'xml') {
    if (parseXmlDocument(replacePlaceholders(body.text, () => '')) === undefined) {
      issues.push({ field: 'body.text', rule: 'invalid-xml', message: 'The body is not well-formed XML with one root element.' });
    }
  }
  return issues;
}

/** 'duplicate-key' for every header whose name (case-insensitive) appeared before. */
export function duplicateHeaders(headers: readonly Header[]): ElementIssue[] {
  const seen = new Set<string>();
  const issues: ElementIssue[] = [];
  headers.forEach((header, index) => {
    const name = header.key.toLowerCase();
    if (seen.has(name)) {
      issues.push({ field: `headers[${index}].key`, rule: 'duplicate-key', message: `The header "${header.key}" is set twice (names are not case sensitive).` });
    }
    seen.add(name);
  });
  return issues;
}

/** True when `template` is valid JSON once each placeholder is filled (strings: text, elsewhere: null). */
export function isJsonTemplate(template: string, requireObject = false): boolean {
  try {
    const parsed: unknown = JSON.parse(fillJsonTemplate(template, (_placeholder, inString) => (inString ? '' : 'null')));
    return !requireObject || (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed));
  } catch {
    return false;
  }
}
