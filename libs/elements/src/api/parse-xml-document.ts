import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { AttributeValue } from '../attribute-values-schema';

/** A parsed XML document: one key, the root element's name, holding the root element. */
export type XmlDocument = { [name: string]: AttributeValue };

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

/**
 * Parses well-formed XML with exactly one root element (as SOAP requires), or returns
 * undefined. Elements become objects (children by name as written, namespace prefixes
 * kept: `soap:Body`; a repeated child is an array; attributes as `@name`; text as
 * `#text`) or, with neither attributes nor children, their text. Values stay text (no
 * number guessing); the five XML entities and DOCTYPE entities (within fast-xml-parser's
 * expansion limits) are decoded; comments, processing instructions and the declaration
 * are dropped. Pure and total.
 */
export function parseXmlDocument(text: string): XmlDocument | undefined {
  if (XMLValidator.validate(text) !== true) return undefined;
  try {
    const document = toJsonObject(xmlParser.parse(text));
    if (document === undefined) return undefined;
    const roots = Object.values(document);
    return roots.length === 1 && !Array.isArray(roots[0]) ? document : undefined;
  } catch {
    return undefined; // e.g. names the parser refuses (__proto__)
  }
}

/** The parser's output as plain JSON (strings, arrays, objects); anything else dropped. */
function toJsonValue(value: unknown): AttributeValue | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.flatMap((item) => toJsonValue(item) ?? []);
  return toJsonObject(value);
}

function toJsonObject(value: unknown): XmlDocument | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries: [string, AttributeValue][] = [];
  for (const [key, item] of Object.entries(value)) {
    const converted = toJsonValue(item);
    if (converted !== undefined) entries.push([key, converted]);
  }
  return Object.fromEntries(entries);
}
