import { router } from '../trpc';
import { importCurlProcedure } from './import-curl-procedure';
import { previewApiProcedure } from './preview-api-procedure';

/** The API element's editor tools: cURL import and Preview. */
export const apiElementRouter = router({
  importCurl: importCurlProcedure,
  preview: previewApiProcedure,
});
