import { createServer, type Server, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTlsMaterial, HttpRequestError, httpRequest, type HttpTls } from '@parley/http';
import { createTestPki, type TestKeyPair, type TestPki } from '@parley/http/testing';

/**
 * HTTPS and mutual TLS through `httpRequest`, against real node:https servers on
 * loopback with certificates from throwaway CAs made by the `openssl` CLI.
 * The server certificate names only `localhost` (no IP): a request by name must
 * verify against the name although the guard connects to the checked IP.
 */
let serverPki: TestPki;
let clientPki: TestPki;
let strangerPki: TestPki;
let client: TestKeyPair;
let stranger: TestKeyPair;
let httpsPort = 0;
let mtlsPort = 0;
const servers: Server[] = [];

async function listen(options: ServerOptions): Promise<number> {
  const server = createServer(options, (request, response) => {
    const { socket } = request;
    const peer = socket instanceof TLSSocket ? socket.getPeerCertificate() : null;
    response.end(peer?.subject ? `hello ${String(peer.subject.CN)}` : 'hello anonymous');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return address.port;
}

beforeAll(async () => {
  serverPki = createTestPki('Parley Test Server CA');
  clientPki = createTestPki('Parley Test Client CA');
  strangerPki = createTestPki('Some Other CA');
  const serverPair = serverPki.issue('localhost', { usage: 'server', dnsNames: ['localhost'] });
  client = clientPki.issue('parley-workspace', { usage: 'client' });
  stranger = strangerPki.issue('intruder', { usage: 'client' });
  httpsPort = await listen({ cert: serverPair.certificate, key: serverPair.key });
  mtlsPort = await listen({ cert: serverPair.certificate, key: serverPair.key, requestCert: true, rejectUnauthorized: true, ca: clientPki.ca });
});
afterAll(async () => {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

const policy = { allow: ['localhost'] };

async function failure(promise: Promise<unknown>): Promise<HttpRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpRequestError) return error;
    throw error;
  }
  throw new Error('expected an HttpRequestError');
}

function get(url: string, tls?: HttpTls, allow = policy) {
  return httpRequest({ method: 'GET', url, retry: { retries: 0 } }, { policy: allow, tls });
}

describe('HTTPS server verification', () => {
  it('succeeds with the test CA configured', async () => {
    const response = await get(`https://localhost:${httpsPort}/`, { ca: serverPki.ca });
    expect(response).toMatchObject({ status: 200, body: 'hello anonymous' });
  });

  it('fails without the CA (Node default roots), and with the wrong CA', async () => {
    const withoutCa = await failure(get(`https://localhost:${httpsPort}/`));
    expect(withoutCa).toMatchObject({ kind: 'network', attempts: 1 });
    expect(withoutCa.message).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify/);
    const wrongCa = await failure(get(`https://localhost:${httpsPort}/`, { ca: strangerPki.ca }));
    expect(wrongCa).toMatchObject({ kind: 'network' });
  });

  it('checks the certificate against the URL host, not the address connected to', async () => {
    const error = await failure(get(`https://127.0.0.1:${httpsPort}/`, { ca: serverPki.ca }, { allow: ['127.0.0.1/32'] }));
    expect(error).toMatchObject({ kind: 'network' });
    expect(error.message).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('still applies the SSRF guard to HTTPS', async () => {
    const error = await failure(get(`https://localhost:${httpsPort}/`, { ca: serverPki.ca }, { allow: [] }));
    expect(error).toMatchObject({ kind: 'blocked' });
  });
});

describe('mutual TLS', () => {
  it('is refused by a server requiring a client certificate when none is presented', async () => {
    const error = await failure(get(`https://localhost:${mtlsPort}/`, { ca: serverPki.ca }));
    expect(error.kind).toBe('network');
  });

  it('is accepted with a client certificate from the CA the server trusts', async () => {
    const response = await get(`https://localhost:${mtlsPort}/`, { ca: serverPki.ca, certificate: client.certificate, key: client.key });
    expect(response).toMatchObject({ status: 200, body: 'hello parley-workspace' });
  });

  it('is refused with a certificate from another CA', async () => {
    const error = await failure(get(`https://localhost:${mtlsPort}/`, { ca: serverPki.ca, certificate: stranger.certificate, key: stranger.key }));
    expect(error.kind).toBe('network');
  });

  it('reports unusable TLS material as `certificate` without any I/O', async () => {
    const mismatched = await failure(get(`https://localhost:${mtlsPort}/`, { certificate: client.certificate, key: stranger.key }));
    expect(mismatched).toMatchObject({ kind: 'certificate', attempts: 0 });
    expect(mismatched.message).not.toContain('PRIVATE KEY');
    const half = await failure(get(`https://localhost:${mtlsPort}/`, { certificate: client.certificate }));
    expect(half).toMatchObject({ kind: 'certificate', attempts: 0 });
  });
});

describe('checkTlsMaterial', () => {
  it('accepts a matching pair and a CA bundle, describing the leaf', () => {
    const check = checkTlsMaterial({ certificate: client.certificate, key: client.key, ca: `${serverPki.ca}\n${clientPki.ca}` });
    expect(check.ok).toBe(true);
    expect(check.ok && check.leaf?.subject).toContain('CN=parley-workspace');
    expect(check.ok && check.leaf?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('names the field at fault', () => {
    expect(checkTlsMaterial({ certificate: client.certificate, key: stranger.key })).toMatchObject({ ok: false, field: 'key', message: 'key: does not match the certificate' });
    expect(checkTlsMaterial({ certificate: 'not a pem', key: client.key })).toMatchObject({ ok: false, field: 'certificate' });
    expect(checkTlsMaterial({ certificate: client.certificate, key: 'nope' })).toMatchObject({ ok: false, field: 'key' });
    expect(checkTlsMaterial({ certificate: client.certificate, key: client.key, ca: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' })).toMatchObject({ ok: false, field: 'ca' });
    expect(checkTlsMaterial({ certificate: client.certificate })).toMatchObject({ ok: false, field: 'key' });
    expect(checkTlsMaterial({ certificate: client.certificate, key: client.key }, new Date(Date.now() + 10 * 86_400_000))).toMatchObject({ ok: false, field: 'certificate' });
  });
});
