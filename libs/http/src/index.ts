export { backoffDelay } from './backoff-delay';
export { httpRequest, type HttpRequestOptions } from './http-request';
export { HttpRequestError, type HttpErrorKind } from './http-request-error';
export {
  httpMethodSchema,
  httpRequestSpecSchema,
  retryOptionsSchema,
  type HttpMethod,
  type HttpRequestSpec,
  type HttpResponse,
  type ResolvedHttpRequestSpec,
  type RetryOptions,
} from './http-request-spec';
