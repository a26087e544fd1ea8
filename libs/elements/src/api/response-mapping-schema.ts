import { z } from 'zod';
import { attributeNameSchema } from '../attribute-declaration-schema';
import { headerNameSchema } from './header-list-schema';

/**
 * How a value found in an XML (e.g. SOAP) response is saved (spec: "text, xml, and xml
 * list"): 'text' its text content, 'xml' the element as XML text, 'list' every matching
 * element as parsed data (a list of strings and objects, for the Code element).
 */
export const xmlModeSchema = z
  .enum(['text', 'xml', 'list'])
  .meta({
    description: 'For XML responses: save the text content, the XML of the element, or a parsed list of all matches.',
    title: 'XML value',
    optionLabels: { text: 'Text', xml: 'XML', list: 'XML list' },
  });
export type XmlMode = z.infer<typeof xmlModeSchema>;

/**
 * A dotted path into the response body: object keys (XML: element names, with or
 * without their namespace prefix; attributes as @name) and 0-based array indexes, e.g.
 * `order.items.0.name`. Empty: the whole body.
 */
export const responsePathSchema = z
  .string()
  .max(512)
  .regex(/^(?:[^.\s]+(?:\.[^.\s]+)*)?$/, 'Use a dotted path like order.items.0.name (no spaces, no empty segments)')
  .meta({ description: 'Dotted path into the response body, e.g. order.items.0.name; empty for the whole body.', title: 'Path' });

export const responseHeaderMappingSchema = z.strictObject({
  attribute: attributeNameSchema.meta({ description: 'Declared attribute that receives the header value.', title: 'Attribute', editor: 'attribute', attributeAccess: 'write' }),
  header: headerNameSchema.meta({ description: 'Response header name (not case sensitive).', title: 'Header name' }),
});
export type ResponseHeaderMapping = z.infer<typeof responseHeaderMappingSchema>;

export const responseBodyMappingSchema = z.strictObject({
  attribute: attributeNameSchema.meta({ description: 'Declared attribute that receives the value.', title: 'Attribute', editor: 'attribute', attributeAccess: 'write' }),
  path: responsePathSchema,
  xmlMode: xmlModeSchema.default('text'),
});
export type ResponseBodyMapping = z.infer<typeof responseBodyMappingSchema>;

/**
 * The Response tab: where the status code, headers and body values go. Values are
 * written through the engine's attribute rules (coerced to the declared type).
 */
export const responseMappingSchema = z
  .strictObject({
    saveStatusCodeAs: attributeNameSchema
      .optional()
      .meta({
        description: 'Declared attribute that receives the response status code (also on failures with a response).',
        title: 'Save response code to attribute',
        editor: 'attribute',
        attributeAccess: 'write',
        attributeTypes: ['number'],
      }),
    headers: z
      .array(responseHeaderMappingSchema)
      .max(50)
      .default([])
      .meta({ description: 'Response headers to save (at most 50).', title: 'Response headers attributes', itemTitle: 'Header attribute' }),
    body: z
      .array(responseBodyMappingSchema)
      .max(50)
      .default([])
      .meta({ description: 'Values of the response body to save (at most 50).', title: 'Response body attributes', itemTitle: 'Body attribute' }),
  })
  .meta({ description: 'What to save from the response.', title: 'Response' });
export type ResponseMapping = z.infer<typeof responseMappingSchema>;
