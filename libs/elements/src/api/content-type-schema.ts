import { z } from 'zod';

/**
 * The API request's content type (spec table "Content type"):
 * - none: no body; raw: editor text sent as written, no predefined header (set your own
 *   Content-Type, e.g. text/xml for SOAP); json: key-value pairs or editor;
 * - text, xml: editor; url-encoded, form-data: key-value pairs.
 */
export const contentTypeSchema = z
  .enum(['none', 'raw', 'json', 'text', 'xml', 'url-encoded', 'form-data'])
  .meta({
    description: 'Request content type: decides the predefined Content-Type header and the body editor.',
    title: 'Content type',
    optionLabels: { none: 'None', raw: 'Raw', json: 'JSON', text: 'Text', xml: 'XML', 'url-encoded': 'URL-encoded', 'form-data': 'Form Data' },
  });
export type ContentType = z.infer<typeof contentTypeSchema>;

/**
 * The Content-Type header each content type predefines (none and raw: none). A request
 * header named Content-Type (any case) replaces it, except for form-data, whose header
 * the executor writes with its multipart boundary.
 */
export const predefinedContentTypes: Readonly<Record<ContentType, string | undefined>> = {
  none: undefined,
  raw: undefined,
  json: 'application/json',
  text: 'text/plain',
  xml: 'application/xml',
  'url-encoded': 'application/x-www-form-urlencoded',
  'form-data': 'multipart/form-data',
};

/** Which body editors a content type offers ('key-value' pairs, the text 'editor'). */
export const bodyModesByContentType: Readonly<Record<ContentType, readonly ('key-value' | 'editor')[]>> = {
  none: [],
  raw: ['editor'],
  json: ['key-value', 'editor'],
  text: ['editor'],
  xml: ['editor'],
  'url-encoded': ['key-value'],
  'form-data': ['key-value'],
};
