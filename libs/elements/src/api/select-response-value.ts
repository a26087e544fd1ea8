import { XMLBuilder } from 'fast-xml-parser';
import type { AttributeValue } from '../attribute-values-schema';
import type { ResponseBody } from './parse-response-body';
import { childOf } from './resolve-placeholder-value';
import type { XmlMode } from './response-mapping-schema';

const xmlBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text' });

/**
 * The value at `path` (dotted, '' = the whole body) of a response body, or undefined
 * when there is none. Pure and total.
 * - json: objects by key, arrays by 0-based index; the value keeps its JSON type.
 * - text: only '' finds something (the text).
 * - xml: XPath-like. Each name step collects every matching child of every node so far
 *   (a name without prefix matches any prefix: `Body` finds `soap:Body`; `@id` finds an
 *   attribute); a numeric step keeps only that match (0-based). Then by `xmlMode`:
 *   text → the first match's text content; xml → the first match as XML text;
 *   list → every match as parsed data (strings, objects), [] when none.
 *   With '' and text or xml mode: the body as received.
 */
export function selectResponseValue(body: ResponseBody, path: string, xmlMode: XmlMode): AttributeValue | undefined {
  const segments = path === '' ? [] : path.split('.');
  switch (body.kind) {
    case 'text':
      return segments.length === 0 ? body.text : undefined;
    case 'json': {
      let current: AttributeValue | undefined = body.value;
      for (const segment of segments) current = childOf(current, segment);
      return current;
    }
    case 'xml': {
      if (segments.length === 0 && xmlMode !== 'list') return body.text;
      let nodes: XmlNode[] = [{ name: '', value: body.document }];
      for (const segment of segments) nodes = step(nodes, segment);
      const first = nodes[0];
      switch (xmlMode) {
        case 'list':
          return nodes.map((node) => node.value);
        case 'text':
          return first === undefined ? undefined : textContent(first.value);
        case 'xml':
          return first === undefined ? undefined : xmlOf(first);
      }
    }
  }
}

type XmlNode = { name: string; value: AttributeValue };

function step(nodes: readonly XmlNode[], segment: string): XmlNode[] {
  if (/^\d+$/.test(segment)) {
    const picked = nodes[Number(segment)];
    return picked === undefined ? [] : [picked];
  }
  const found: XmlNode[] = [];
  for (const node of nodes) {
    const value = node.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    for (const [key, child] of Object.entries(value)) {
      if (!nameMatches(key, segment)) continue;
      if (Array.isArray(child)) for (const item of child) found.push({ name: key, value: item });
      else found.push({ name: key, value: child });
    }
  }
  return found;
}

/** `segment` equals `key`, or names it without its namespace prefix (also for @attributes). */
function nameMatches(key: string, segment: string): boolean {
  if (key === segment) return true;
  if (segment.includes(':') || key === '#text') return false;
  const attribute = key.startsWith('@');
  if (attribute !== segment.startsWith('@')) return false;
  const local = (name: string): string => {
    const bare = attribute ? name.slice(1) : name;
    return bare.slice(bare.indexOf(':') + 1);
  };
  return local(key) === local(segment) && key.includes(':');
}

/** Text content: a string as is; an element's own text then its children's, attributes skipped. */
function textContent(value: AttributeValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textContent).join('');
  if (typeof value !== 'object' || value === null) return '';
  const own = Object.hasOwn(value, '#text') ? textContent(value['#text'] ?? '') : '';
  const children = Object.entries(value)
    .filter(([key]) => key !== '#text' && !key.startsWith('@'))
    .map(([, child]) => textContent(child));
  return own + children.join('');
}

function xmlOf(node: XmlNode): string {
  if (node.name.startsWith('@')) return typeof node.value === 'string' ? node.value : textContent(node.value);
  const built: unknown = xmlBuilder.build({ [node.name]: node.value });
  return typeof built === 'string' ? built : '';
}
