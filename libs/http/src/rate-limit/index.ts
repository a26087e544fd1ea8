export { acquireRateLimit, maxSlotLatenessMs } from './acquire-rate-limit';
export { defaultSourceAddress } from './default-source-address';
export { rateLimitEndpointKey } from './rate-limit-endpoint-key';
export { rateLimitKeys } from './rate-limit-keys';
export { rateLimitOptionsSchema, type RateLimitContext, type RateLimitOptions, type RateLimitReservation, type RateLimitResult } from './rate-limit-options';
export { reserveRateLimitSlot } from './reserve-rate-limit-slot';
