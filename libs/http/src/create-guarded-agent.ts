import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type Socket } from 'node:net';
import { createSecureContext, type SecureContext } from 'node:tls';
import { Agent, buildConnector } from 'undici';
import { BlockedAddressError } from './blocked-address-error';
import { createAddressGuard, type AddressGuard } from './create-address-guard';
import { httpPolicySchema, type HttpPolicy } from './http-policy';
import { httpTlsSchema, type HttpTls } from './http-tls';

/** Resolves a host name to ALL its addresses (like `dns.lookup(name, { all: true })`). */
export type LookupAll = (hostname: string) => Promise<readonly { address: string }[]>;

export type GuardedAgentOptions = {
  /** Allowlist; default: public addresses only. */
  policy?: HttpPolicy;
  /** Server CA and client certificate (mTLS). */
  tls?: HttpTls;
  /** DNS resolution; default `dns.lookup` with `all: true` (the OS resolver, /etc/hosts included). Tests inject one. */
  lookup?: LookupAll;
  /** TCP + TLS handshake budget per address; default 10 s. */
  connectTimeoutMs?: number;
};

/** The TLS material could not be loaded (bad PEM, key not matching the certificate ...). */
export class TlsMaterialError extends Error {
  override readonly name = 'TlsMaterialError';
}

/**
 * An undici Agent that only opens connections the SSRF guard allows.
 *
 * Contract, for every new connection (keep-alive sockets were checked when opened):
 * 1. The URL host is resolved once, to all its addresses (a literal IP is its own
 *    only address: undici and Node skip DNS hooks for those, so the check lives here,
 *    in `connect`, not in a `lookup` hook).
 * 2. If ANY address is refused by the policy, the connection fails with
 *    `BlockedAddressError` — a name that resolves to one public and one private
 *    address is refused as a whole.
 * 3. The socket connects to those checked addresses themselves (in order, next one
 *    on a connection error), never to the name: there is no second resolution, so
 *    DNS rebinding between check and connect is impossible. TLS still verifies the
 *    certificate against the host name (SNI + identity check use the name).
 * 4. The socket's actual remote address is checked again before it is used.
 *
 * Throws TlsMaterialError when `tls` cannot be loaded.
 */
export function createGuardedAgent(options: GuardedAgentOptions = {}): Agent {
  const guard = createAddressGuard(httpPolicySchema.parse(options.policy ?? {}));
  const secureContext = options.tls ? loadSecureContext(options.tls) : undefined;
  const base = buildConnector({
    timeout: options.connectTimeoutMs ?? 10_000,
    ...(secureContext ? { secureContext } : {}),
  });
  const lookup = options.lookup ?? defaultLookup;

  const connect: buildConnector.connector = (connectOptions, callback) => {
    connectChecked(connectOptions, base, guard, lookup).then(
      (socket) => callback(null, socket),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
  return new Agent({ keepAliveTimeout: 4_000, connect });
}

const defaultLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true });

async function connectChecked(
  options: buildConnector.Options,
  base: buildConnector.connector,
  guard: AddressGuard,
  lookup: LookupAll,
): Promise<Socket> {
  const { hostname } = options;
  const port = options.port ? Number(options.port) : options.protocol === 'https:' ? 443 : 80;
  const addresses = isIP(hostname) !== 0 ? [hostname] : (await lookup(hostname)).map((entry) => entry.address);
  if (addresses.length === 0) throw new Error(`${hostname} did not resolve to any address`);
  for (const address of addresses) {
    const verdict = guard(hostname, address, port);
    if (!verdict.allowed) throw new BlockedAddressError(hostname, verdict.addressClass);
  }

  let lastError: unknown;
  for (const address of addresses) {
    let socket: Socket;
    try {
      // `host` (name:port) is left as is: undici derives SNI and the certificate
      // identity check from it, so TLS verifies the name while TCP uses the address.
      socket = await connectOnce(base, { ...options, hostname: address, servername: options.servername || serverNameOf(hostname) });
    } catch (error) {
      lastError = error;
      continue;
    }
    const remote = socket.remoteAddress;
    const verdict = remote === undefined ? null : guard(hostname, remote, port);
    if (!verdict?.allowed) {
      socket.destroy();
      throw new BlockedAddressError(hostname, verdict && !verdict.allowed ? verdict.addressClass : 'reserved');
    }
    return socket;
  }
  throw lastError;
}

function connectOnce(base: buildConnector.connector, options: buildConnector.Options): Promise<Socket> {
  return new Promise((resolve, reject) => {
    base(options, (...args) => {
      const [error, socket] = args;
      if (error) reject(error);
      else resolve(socket);
    });
  });
}

/** SNI names must be host names, never IP literals. */
function serverNameOf(hostname: string): string | undefined {
  return isIP(hostname) === 0 ? hostname : undefined;
}

function loadSecureContext(tls: HttpTls): SecureContext {
  const parsed = httpTlsSchema.safeParse(tls);
  if (!parsed.success) throw new TlsMaterialError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const { ca, certificate, key } = parsed.data;
  try {
    return createSecureContext({
      ...(ca === undefined ? {} : { ca }),
      ...(certificate === undefined ? {} : { cert: certificate }),
      ...(key === undefined ? {} : { key }),
    });
  } catch (error) {
    // OpenSSL's message names the failing routine (bad PEM, key mismatch), never the material.
    throw new TlsMaterialError(`TLS material unusable (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}
