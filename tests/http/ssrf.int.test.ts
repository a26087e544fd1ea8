import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedAgent, HttpRequestError, httpRequest, type HttpRequestOptions, type LookupAll } from '@parley/http';

/**
 * The SSRF guard of `httpRequest`, against a real node:http server on 127.0.0.1
 * (port 0). Every refused URL below points at that server's port, so a hole in the
 * guard would show up as an answered request (and a hit on the server).
 */
type Hit = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
let server: Server;
let port = 0;
const hits: Hit[] = [];
let route: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end('ok');

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      hits.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      route(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = addressOf(server).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => {
  hits.length = 0;
  route = (_request, response) => response.end('ok');
});

function addressOf(listening: Server): AddressInfo {
  const address = listening.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on TCP');
  return address;
}

async function failure(promise: Promise<unknown>): Promise<HttpRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpRequestError) return error;
    throw error;
  }
  throw new Error('expected an HttpRequestError');
}

const once = { retries: 0 };
const get = (url: string, options?: HttpRequestOptions) => httpRequest({ method: 'GET', url, retry: once }, options);

/** A resolver that knows only `names`, and counts its calls. */
function fakeDns(names: Record<string, string[]>): LookupAll & { calls: string[] } {
  const calls: string[] = [];
  const lookup = async (hostname: string) => {
    calls.push(hostname);
    const addresses = names[hostname];
    if (!addresses) throw new Error(`getaddrinfo ENOTFOUND ${hostname}`);
    return addresses.map((address) => ({ address }));
  };
  return Object.assign(lookup, { calls });
}

describe('SSRF guard: literal addresses', () => {
  const refused: [string, string][] = [
    ['loopback', 'http://127.0.0.1:PORT/'],
    ['loopback', 'http://127.1.2.3:PORT/'],
    ['loopback', 'http://[::1]:PORT/'],
    ['private', 'http://10.0.0.1:PORT/'],
    ['private', 'http://172.16.0.1:PORT/'],
    ['private', 'http://172.31.255.1:PORT/'],
    ['private', 'http://192.168.1.1:PORT/'],
    ['private', 'http://[fc00::1]:PORT/'],
    ['private', 'http://[fd12:3456::1]:PORT/'],
    ['link-local', 'http://169.254.1.1:PORT/'],
    ['link-local', 'http://[fe80::1]:PORT/'],
    ['carrier-grade NAT', 'http://100.64.0.1:PORT/'],
    ['multicast', 'http://224.0.0.1:PORT/'],
    ['multicast', 'http://[ff02::1]:PORT/'],
    ['unspecified', 'http://0.0.0.0:PORT/'],
    ['unspecified', 'http://[::]:PORT/'],
    ['broadcast', 'http://255.255.255.255:PORT/'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['cloud metadata', 'http://[fd00:ec2::254]/latest/meta-data/'],
    ['cloud metadata', 'http://100.100.100.200/latest/meta-data/'],
    // IPv4-mapped / compatible IPv6 (the URL parser rewrites ::ffff:127.0.0.1 to ::ffff:7f00:1).
    ['loopback', 'http://[::ffff:127.0.0.1]:PORT/'],
    ['loopback', 'http://[::ffff:7f00:1]:PORT/'],
    ['loopback', 'http://[0:0:0:0:0:ffff:127.0.0.1]:PORT/'],
    ['loopback', 'http://[::127.0.0.1]:PORT/'],
    ['cloud metadata', 'http://[::ffff:169.254.169.254]/'],
    // NAT64 well-known prefix and 6to4 carrying a forbidden IPv4 address.
    ['loopback', 'http://[64:ff9b::7f00:1]:PORT/'],
    ['private', 'http://[64:ff9b::10.0.0.1]:PORT/'],
    ['cloud metadata', 'http://[64:ff9b::a9fe:a9fe]/'],
    ['loopback', 'http://[2002:7f00:1::1]:PORT/'],
    ['cloud metadata', 'http://[2002:a9fe:a9fe::]/'],
    // Alternative IPv4 encodings, normalized by the WHATWG URL parser before the guard sees them.
    ['loopback', 'http://2130706433:PORT/'],
    ['loopback', 'http://0177.0.0.1:PORT/'],
    ['loopback', 'http://0x7f.1:PORT/'],
    ['loopback', 'http://0x7f000001:PORT/'],
    ['loopback', 'http://127.1:PORT/'],
    ['private', 'http://012.0.0.1:PORT/'],
    ['cloud metadata', 'http://2852039166/'],
  ];

  it.each(refused)('refuses %s: %s', async (label, template) => {
    const url = template.replace('PORT', String(port));
    const error = await failure(get(url));
    expect(error).toMatchObject({ kind: 'blocked', attempts: 1 });
    expect(error.message).toMatch(new RegExp(` is an? ${label}`));
    expect(hits).toEqual([]);
  });

  it('does not retry a refusal, and never names resolved addresses for host names', async () => {
    const error = await failure(httpRequest({ method: 'GET', url: `http://localhost:${port}/`, retry: { retries: 3, baseDelayMs: 5 } }));
    expect(error).toMatchObject({ kind: 'blocked', attempts: 1 });
    expect(error.message).toContain('localhost resolves to a loopback address');
    expect(error.message).not.toContain('127.0.0.1');
    expect(hits).toEqual([]);
  });

  it('allows loopback when the allowlist names it, and only that', async () => {
    const response = await get(`http://127.0.0.1:${port}/in`, { policy: { allow: ['127.0.0.1/32'] } });
    expect(response).toMatchObject({ status: 200, body: 'ok' });
    expect(hits.map((hit) => hit.url)).toEqual(['/in']);
    expect(await failure(get(`http://127.0.0.2:${port}/`, { policy: { allow: ['127.0.0.1/32'] } }))).toMatchObject({ kind: 'blocked' });
    expect(await failure(get(`http://10.0.0.1:${port}/`, { policy: { allow: ['127.0.0.1/32'] } }))).toMatchObject({ kind: 'blocked' });
  });

  it('keeps cloud metadata refused whatever the allowlist says', async () => {
    const error = await failure(get('http://169.254.169.254/latest/meta-data/', { policy: { allow: ['169.254.0.0/16', '0.0.0.0/0'] } }));
    expect(error).toMatchObject({ kind: 'blocked' });
    expect(error.message).toContain('cloud metadata');
  });

  it('refuses a malformed allowlist before any I/O', async () => {
    const error = await failure(get(`http://127.0.0.1:${port}/`, { policy: { allow: ['127.0.0.1/99'] } }));
    expect(error).toMatchObject({ kind: 'invalid-request', attempts: 0 });
    expect(error.message).toContain('policy.allow.0');
    expect(hits).toEqual([]);
  });
});

describe('SSRF guard: host names', () => {
  it('refuses a name that resolves to a private address', async () => {
    const dns = fakeDns({ 'intranet.example': ['10.1.2.3'] });
    const error = await failure(get(`http://intranet.example:${port}/`, { dispatcher: createGuardedAgent({ lookup: dns }) }));
    expect(error).toMatchObject({ kind: 'blocked' });
    expect(error.message).toContain('intranet.example resolves to a private network address');
    expect(error.message).not.toContain('10.1.2.3');
  });

  it('refuses a name when ANY of its addresses is forbidden', async () => {
    const dns = fakeDns({ 'mixed.example': ['93.184.216.34', '127.0.0.1'] });
    const error = await failure(get(`http://mixed.example:${port}/`, { dispatcher: createGuardedAgent({ lookup: dns }) }));
    expect(error).toMatchObject({ kind: 'blocked' });
    expect(hits).toEqual([]);
  });

  it('refuses localhost through the real resolver', async () => {
    expect(await failure(get(`http://localhost:${port}/`))).toMatchObject({ kind: 'blocked' });
  });

  it('connects to the address it checked, resolving once: a rebinding resolver cannot swap it afterwards', async () => {
    let answers = 0;
    const calls: string[] = [];
    const rebinding: LookupAll = async (hostname) => {
      calls.push(hostname);
      answers += 1;
      return [{ address: answers === 1 ? '127.0.0.1' : '10.9.9.9' }];
    };
    const dispatcher = createGuardedAgent({ policy: { allow: ['127.0.0.1/32'] }, lookup: rebinding });
    const response = await get(`http://rebind.test:${port}/first`, { dispatcher });
    expect(response.status).toBe(200);
    // The name does not exist in real DNS: the socket went to the checked address, not a second lookup.
    expect(calls).toEqual(['rebind.test']);
    expect(hits[0]?.headers.host).toBe(`rebind.test:${port}`);
    await dispatcher.close();
  });

  it('allows a host name on the allowlist whatever it resolves to', async () => {
    const dns = fakeDns({ 'crm.internal': ['127.0.0.1'] });
    const dispatcher = createGuardedAgent({ policy: { allow: ['crm.internal'] }, lookup: dns });
    expect(await get(`http://crm.internal:${port}/crm`, { dispatcher })).toMatchObject({ status: 200 });
    await dispatcher.close();
  });
});

describe('redirects', () => {
  const allowCrm = { allow: ['crm.internal'] };
  const agentFor = () => createGuardedAgent({ policy: allowCrm, lookup: fakeDns({ 'crm.internal': ['127.0.0.1'] }) });

  it('refuses a redirect from an allowed host to a forbidden one', async () => {
    route = (_request, response) => response.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }).end();
    const dispatcher = agentFor();
    const error = await failure(get(`http://crm.internal:${port}/start`, { dispatcher }));
    expect(error).toMatchObject({ kind: 'blocked', attempts: 1 });
    expect(error.message).toContain('127.0.0.1 is a loopback address');
    expect(hits.map((hit) => hit.url)).toEqual(['/start']);
    await dispatcher.close();
  });

  it('refuses redirects to cloud metadata and to non-http schemes', async () => {
    const dispatcher = agentFor();
    route = (_request, response) => response.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    expect(await failure(get(`http://crm.internal:${port}/a`, { dispatcher }))).toMatchObject({ kind: 'blocked' });
    route = (_request, response) => response.writeHead(301, { location: 'file:///etc/passwd' }).end();
    const scheme = await failure(get(`http://crm.internal:${port}/b`, { dispatcher }));
    expect(scheme).toMatchObject({ kind: 'blocked' });
    expect(scheme.message).toContain('not http(s)');
    await dispatcher.close();
  });

  it('follows allowed redirects: 303 turns POST into GET, 307 keeps it, credentials stay on their origin', async () => {
    route = (request, response) => {
      if (request.url === '/see-other') response.writeHead(303, { location: '/temporary' }).end();
      else if (request.url === '/temporary') response.writeHead(307, { location: `http://127.0.0.1:${port}/final` }).end();
      else response.end(`final ${request.method ?? ''}`);
    };
    // 303 -> GET /temporary (same origin) -> 307 keeps GET, to another origin (127.0.0.1, allowlisted too).
    const both = createGuardedAgent({ policy: { allow: ['crm.internal', '127.0.0.1/32'] }, lookup: fakeDns({ 'crm.internal': ['127.0.0.1'] }) });
    const response = await httpRequest(
      {
        method: 'POST',
        url: `http://crm.internal:${port}/see-other`,
        headers: { authorization: 'Bearer s3cret', 'content-type': 'application/json' },
        body: '{"a":1}',
        retry: once,
      },
      { dispatcher: both },
    );
    expect(response).toMatchObject({ status: 200, body: 'final GET' });
    expect(hits.map((hit) => [hit.method, hit.url, hit.body])).toEqual([
      ['POST', '/see-other', '{"a":1}'],
      ['GET', '/temporary', ''],
      ['GET', '/final', ''],
    ]);
    expect(hits[1]?.headers.authorization).toBe('Bearer s3cret');
    expect(hits[1]?.headers['content-type']).toBeUndefined();
    expect(hits[2]?.headers.authorization).toBeUndefined();
    await both.close();
  });

  it('keeps method and body through 307/308', async () => {
    route = (request, response) => {
      if (request.url === '/old') response.writeHead(308, { location: '/new' }).end();
      else response.end('moved');
    };
    const response = await httpRequest(
      { method: 'PUT', url: `http://127.0.0.1:${port}/old`, body: 'payload', retry: once },
      { policy: { allow: ['127.0.0.1/32'] } },
    );
    expect(response.body).toBe('moved');
    expect(hits.map((hit) => [hit.method, hit.url, hit.body])).toEqual([
      ['PUT', '/old', 'payload'],
      ['PUT', '/new', 'payload'],
    ]);
  });

  it('stops after 5 redirects, and returns the 3xx itself when maxRedirects is 0', async () => {
    route = (request, response) => response.writeHead(302, { location: `/loop${request.url ?? ''}` }).end();
    const policy = { allow: ['127.0.0.1/32'] };
    const error = await failure(get(`http://127.0.0.1:${port}/`, { policy }));
    expect(error).toMatchObject({ kind: 'too-many-redirects', attempts: 1 });
    expect(hits).toHaveLength(6);
    hits.length = 0;
    const response = await httpRequest({ method: 'GET', url: `http://127.0.0.1:${port}/`, maxRedirects: 0, retry: once }, { policy });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/loop/');
    expect(hits).toHaveLength(1);
  });
});
