import { forwardToApi } from '../../../src/api-proxy/forward-to-api';

/** The API's tRPC endpoint on the editor's origin (for client components), forwarded per request. */
export const dynamic = 'force-dynamic';

export const GET = (request: Request) => forwardToApi(request);
export const POST = (request: Request) => forwardToApi(request);
