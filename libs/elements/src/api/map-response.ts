import type { AttributeValues } from '../attribute-values-schema';
import type { HttpResponseResult } from '../calls/http-request-call';
import { parseResponseBody } from './parse-response-body';
import type { ResponseMapping } from './response-mapping-schema';
import { selectResponseValue } from './select-response-value';

/** What the Response tab takes from a response: values to write, and what was not found. */
export type MappedResponse = {
  attributes: AttributeValues;
  /** Mappings that found nothing (their attributes are left as they were), e.g. 'body[1] "order.id"'. */
  missing: string[];
};

/** The value of response header `name`, matched case-insensitively; undefined when absent. */
export function responseHeader(response: Pick<HttpResponseResult, 'headers'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(response.headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/**
 * Applies the Response tab to a response: the status code (a number), each header
 * (text, case-insensitive names) and each body value (see selectResponseValue; the body
 * is parsed by its Content-Type). A mapping that finds nothing writes nothing and is
 * listed in `missing`. Later mappings of the same attribute win. Pure and total.
 */
export function mapResponse(mapping: ResponseMapping, response: HttpResponseResult): MappedResponse {
  const entries: [string, AttributeValues[string]][] = [];
  const missing: string[] = [];
  if (mapping.saveStatusCodeAs !== undefined) entries.push([mapping.saveStatusCodeAs, response.status]);
  mapping.headers.forEach((header, index) => {
    const value = responseHeader(response, header.header);
    if (value === undefined) missing.push(`headers[${index}] "${header.header}"`);
    else entries.push([header.attribute, value]);
  });
  if (mapping.body.length > 0) {
    const body = parseResponseBody(response.body, responseHeader(response, 'content-type'));
    mapping.body.forEach((item, index) => {
      const value = selectResponseValue(body, item.path, item.xmlMode);
      if (value === undefined) missing.push(`body[${index}] "${item.path}"`);
      else entries.push([item.attribute, value]);
    });
  }
  return { attributes: Object.fromEntries(entries), missing };
}
