import type { AttributeValue } from '../attribute-values-schema';
import { parseXmlDocument, type XmlDocument } from './parse-xml-document';

/**
 * A response body as the element reads it:
 * - json: the parsed JSON value;
 * - xml: the parsed document (see parseXmlDocument);
 * - text: anything else, as received.
 */
export type ResponseBody =
  | { kind: 'json'; value: AttributeValue; text: string }
  | { kind: 'xml'; document: XmlDocument; text: string }
  | { kind: 'text'; text: string };

/**
 * Parses `text` by its Content-Type: one naming json is read as JSON, one naming xml
 * (application/xml, text/xml, application/soap+xml ...) as XML. Without either, JSON is
 * tried, then XML when the text starts with '<'. What does not parse is text.
 * XML must be well-formed with one root element. Pure and total.
 */
export function parseResponseBody(text: string, contentType: string | undefined): ResponseBody {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('xml')) return parseXml(text) ?? { kind: 'text', text };
  if (type.includes('json')) return parseJson(text) ?? { kind: 'text', text };
  return parseJson(text) ?? (text.trimStart().startsWith('<') ? parseXml(text) : undefined) ?? { kind: 'text', text };
}

function parseJson(text: string): ResponseBody | undefined {
  if (text.trim() === '') return undefined;
  try {
    const value: AttributeValue = JSON.parse(text);
    return { kind: 'json', value, text };
  } catch {
    return undefined;
  }
}

function parseXml(text: string): ResponseBody | undefined {
  const document = parseXmlDocument(text);
  return document === undefined ? undefined : { kind: 'xml', document, text };
}
