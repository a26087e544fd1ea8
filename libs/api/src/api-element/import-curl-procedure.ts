import { TRPCError } from '@trpc/server';
import { roleProcedure } from '../workspace-procedure';
import { curlImportSchema, importCurlInputSchema } from './api-element-schemas';
import { CurlImportError } from './curl-import-error';
import { importCurlCommand } from './import-curl-command';

/**
 * `apiElement.importCurl({ command })` → `{ request, warnings }`: the API element's
 * Request-tab fields (method, url, headers, contentType, body) read from a curl command
 * (see importCurlCommand), valid for the element's schema. Sends nothing. A command that
 * cannot be read → BAD_REQUEST whose message says what and where ("Cannot import the
 * cURL command: unterminated quote at position 42: ...").
 */
export const importCurlProcedure = roleProcedure('builder')
  .input(importCurlInputSchema)
  .output(curlImportSchema)
  .mutation(({ input }) => {
    try {
      return importCurlCommand(input.command);
    } catch (error) {
      if (error instanceof CurlImportError) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: `Cannot import the cURL command: ${error.message}`, cause: error });
      }
      throw error;
    }
  });
