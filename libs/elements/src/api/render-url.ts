import type { AttributeValue } from '../attribute-values-schema';
import { replacePlaceholders } from '../find-placeholders';
import { renderTemplate } from '../render-template';

export type RenderedUrl = { ok: true; url: string } | { ok: false; message: string };

/**
 * Fills the URL's placeholders and checks the result is an absolute http(s) URL.
 * With `escape`, every filled value is percent-encoded (encodeURIComponent: spaces,
 * non-ASCII, reserved and unsafe characters), except a placeholder that starts the URL:
 * it supplies the base (scheme and host) and is inserted as is. Without `escape`, values
 * are inserted as they are. The result is the WHATWG-normalized URL (`href`), so what
 * reaches the executor always parses. Pure and total.
 */
export function renderUrl(template: string, attributes: Readonly<Record<string, AttributeValue>>, escape: boolean): RenderedUrl {
  let first = true;
  const filled = escape
    ? replacePlaceholders(template, (placeholder) => {
        const text = renderTemplate(placeholder.raw, attributes);
        const startsUrl = first && template.startsWith(placeholder.raw);
        first = false;
        return startsUrl ? text : encodeURIComponent(text);
      })
    : renderTemplate(template, attributes);
  return checkHttpUrl(filled);
}

/** `text` (trimmed) as a normalized absolute http(s) URL, or why it is none. Pure and total. */
export function checkHttpUrl(text: string): RenderedUrl {
  const trimmed = text.trim();
  if (!URL.canParse(trimmed)) return { ok: false, message: `The URL "${redactQuery(trimmed)}" is not a valid absolute URL.` };
  const url = new URL(trimmed);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `The URL must use http or https, not "${url.protocol.slice(0, -1)}".` };
  }
  return { ok: true, url: url.href };
}

/** The URL without its query string (which may carry credentials), for messages. */
export function redactQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}
