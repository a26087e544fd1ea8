import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb, setWorkspaceHttpAllowlist } from '@parley/db';
import type { HttpRequestCall } from '@parley/elements';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCallTestContext } from './create-call-test-context';
import { executeHttpRequest } from './execute-http-request';

/**
 * Bot elements never reach loopback, private or metadata addresses unless the operator
 * allows them (ELEMENT_EGRESS_ALLOW): a workspace allowlist naming them opens nothing.
 * Every way of writing loopback in a URL is refused, and the server listening there
 * never sees a request.
 */
const db = createDb(inject('databaseUrl'));
let server: Server;
let port = 0;
let requests = 0;

beforeAll(async () => {
  server = createServer((_request, response) => {
    requests++;
    response.end('reached');
  });
  // '::' with dual stack: listens on 127.0.0.1 and ::1 alike.
  await new Promise<void>((resolve) => server.listen(0, '::', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  port = address.port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();
});

/** A name other than localhost that this machine resolves to loopback (from /etc/hosts), else localhost's FQDN form. */
function otherLoopbackName(): string {
  for (const line of readFileSync('/etc/hosts', 'utf8').split('\n')) {
    const [address, ...names] = line.trim().split(/\s+/);
    const name = names.find((each) => each !== 'localhost' && !each.startsWith('#'));
    if (address?.startsWith('127.') && name) return name;
  }
  return 'localhost.';
}

function call(url: string): HttpRequestCall {
  return { name: 'http.request', purpose: 'api', method: 'GET', url, headers: {}, timeoutMs: 2_000, retries: 0 };
}

describe('element egress', () => {
  it('refuses every loopback form, private and metadata addresses, even when the workspace allowlists them', async () => {
    const ctx = await createCallTestContext(db);
    await setWorkspaceHttpAllowlist(db, ctx.workspaceId, ['127.0.0.0/8', '::1/128', '10.0.0.0/8', '192.168.0.0/16', 'localhost', otherLoopbackName()]);
    const urls = [
      `http://127.0.0.1:${port}/`,
      `http://[::1]:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://2130706433:${port}/`,
      `http://0177.0.0.1:${port}/`,
      `http://0x7f.0.0.1:${port}/`,
      `http://127.1:${port}/`,
      `http://localhost:${port}/`,
      `http://${otherLoopbackName()}:${port}/`,
      'http://10.0.0.1/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00:ec2::254]/',
      'http://100.64.0.1/',
    ];
    for (const url of urls) {
      const outcome = await db.$transaction((tx) => executeHttpRequest(tx, ctx, call(url)));
      expect(outcome, url).toMatchObject({ ok: false, error: { code: 'blocked' } });
    }
    expect(requests).toBe(0);
  });

  it('reaches exactly the host and port the operator names', async () => {
    const ctx = { ...(await createCallTestContext(db)), egress: { allow: [`127.0.0.1:${port}`] } };
    expect(await db.$transaction((tx) => executeHttpRequest(tx, ctx, call(`http://127.0.0.1:${port}/`)))).toMatchObject({ ok: true, result: { status: 200, body: 'reached' } });
    expect(requests).toBe(1);
    // Another port of the same host stays closed (Parley's own API, Postgres, Redis ...).
    const other = await db.$transaction((tx) => executeHttpRequest(tx, ctx, call(`http://127.0.0.1:${port + 1}/`)));
    expect(other).toMatchObject({ ok: false, error: { code: 'blocked' } });
  });
});
