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

// SSRF guard, allowlists and TLS (mTLS)
export { egressAllowlistEnvSchema, httpAllowEntrySchema, httpPolicySchema, type HttpPolicy, type ResolvedHttpPolicy } from './http-policy';
export { httpTlsSchema, type HttpTls, type ResolvedHttpTls } from './http-tls';
export { classifyAddress, type AddressClass, type ForbiddenAddressClass } from './classify-address';
export { createAddressGuard, type AddressGuard, type AddressVerdict } from './create-address-guard';
export { createGuardedAgent, TlsMaterialError, type GuardedAgentOptions, type LookupAll } from './create-guarded-agent';
export { BlockedAddressError } from './blocked-address-error';
export { checkTlsMaterial, type TlsMaterialCheck, type TlsMaterialField } from './check-tls-material';

// Per-endpoint throughput limits shared through Redis (rate-limit/, see its README)
export { acquireRateLimit, defaultSourceAddress, maxSlotLatenessMs, rateLimitEndpointKey, rateLimitKeys, rateLimitOptionsSchema, reserveRateLimitSlot, type RateLimitContext, type RateLimitOptions, type RateLimitReservation, type RateLimitResult } from './rate-limit';
