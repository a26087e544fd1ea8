import { forwardToApi } from '../../../../src/api-proxy/forward-to-api';

/** better-auth (sign-up, sign-in, sessions, account) on the editor's origin, forwarded to the API per request. */
export const dynamic = 'force-dynamic';

export const GET = (request: Request) => forwardToApi(request);
export const POST = (request: Request) => forwardToApi(request);
