/**
 * A cURL command that cannot be imported: malformed (unterminated quote, option without
 * its value, no URL) or asking for something the API element cannot do (a body read
 * from a file, an unknown option). The message says what could not be read and where
 * (positions count characters from 1); importCurl answers BAD_REQUEST with it.
 */
export class CurlImportError extends Error {
  override readonly name = 'CurlImportError';
}
