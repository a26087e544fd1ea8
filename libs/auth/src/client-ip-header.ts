/**
 * The request header better-auth reads the client's address from (rate-limit buckets,
 * AuthSession.ipAddress). The host sets it on every request it hands to better-auth,
 * from its own idea of the client address (Fastify's request.ip, which honours
 * TRUST_PROXY), replacing whatever a client sent under that name.
 */
export const clientIpHeader = 'x-parley-client-ip';
