import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';
import { createClientCertificate, createDb, setWorkspaceHttpAllowlist } from '@parley/db';
import type { HttpRequestCall } from '@parley/elements';
import { createTestPki } from '@parley/http/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CallContext } from './call-executor';
import { createCallTestContext } from './create-call-test-context';
import { executeHttpRequest } from './execute-http-request';

/**
 * The `http.request` executor against real servers on loopback: the session
 * workspace's allowlist feeds the SSRF guard, and `mtlsCertificateId` selects
 * one of THAT workspace's client certificates for a server requiring mTLS.
 */
const db = createDb(inject('databaseUrl'));
const servers: HttpServer[] = [];
let plainUrl = '';
let mtlsUrl = '';
const pki = { server: createTestPki('Executor Server CA'), client: createTestPki('Executor Client CA') };

function portOf(server: HttpServer): number {
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return address.port;
}

beforeAll(async () => {
  const plain = createHttpServer((_request, response) => response.writeHead(418, { 'x-kind': 'teapot' }).end('short and stout'));
  const serverPair = pki.server.issue('localhost', { usage: 'server', dnsNames: ['localhost'] });
  const mtls = createHttpsServer(
    { cert: serverPair.certificate, key: serverPair.key, requestCert: true, rejectUnauthorized: true, ca: pki.client.ca },
    (request, response) => {
      const { socket } = request;
      response.end(socket instanceof TLSSocket ? `hello ${String(socket.getPeerCertificate().subject.CN)}` : 'not TLS');
    },
  );
  for (const server of [plain, mtls]) {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }
  plainUrl = `http://127.0.0.1:${portOf(plain)}/teapot`;
  mtlsUrl = `https://localhost:${portOf(mtls)}/partner`;
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await db.$disconnect();
});

function call(url: string, extra: Partial<HttpRequestCall> = {}): HttpRequestCall {
  return { name: 'http.request', purpose: 'api', method: 'GET', url, headers: {}, timeoutMs: 5_000, retries: 0, ...extra };
}

async function run(ctx: CallContext, request: HttpRequestCall) {
  return db.$transaction((tx) => executeHttpRequest(tx, ctx, request), { timeout: 30_000 });
}

async function workspaceWithCertificate(commonName: string): Promise<{ ctx: CallContext; certificateId: string }> {
  const ctx = { ...(await createCallTestContext(db)), egress: { allow: ['localhost', '127.0.0.1/32'] } };
  const pair = pki.client.issue(commonName, { usage: 'client' });
  const certificate = await createClientCertificate(
    db,
    { workspaceId: ctx.workspaceId, name: 'partner', certificate: pair.certificate, key: pair.key, ca: pki.server.ca },
    ctx.secretKey,
  );
  return { ctx, certificateId: certificate.id };
}

describe('executeHttpRequest', () => {
  it('refuses loopback the operator did not allow, whatever the workspace allowlists, with the `blocked` code', async () => {
    const ctx = await createCallTestContext(db);
    await setWorkspaceHttpAllowlist(db, ctx.workspaceId, ['127.0.0.1/32']);
    const outcome = await run(ctx, call(plainUrl));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'blocked' }, attempts: 1 });
    expect(outcome.error?.message).toContain('loopback');
  });

  it('reaches a receiver the operator allows and reports any status with the attempts made', async () => {
    const ctx = { ...(await createCallTestContext(db)), egress: { allow: ['127.0.0.1/32'] } };
    const outcome = await run(ctx, call(plainUrl, { retries: 2 }));
    expect(outcome).toEqual({
      ok: true,
      result: { status: 418, headers: expect.objectContaining({ 'x-kind': 'teapot' }), body: 'short and stout', attempts: 1 },
      attempts: 1,
    });
  });

  it('presents the workspace certificate selected by id to a server requiring mTLS', async () => {
    const { ctx, certificateId } = await workspaceWithCertificate('workspace-a');
    const outcome = await run(ctx, call(mtlsUrl, { mtlsCertificateId: certificateId }));
    expect(outcome).toMatchObject({ ok: true, result: { status: 200, body: 'hello workspace-a' }, attempts: 1 });
  });

  it('is refused by the mTLS server without a certificate', async () => {
    const { ctx } = await workspaceWithCertificate('workspace-b');
    const outcome = await run(ctx, call(mtlsUrl));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'network' }, attempts: 1 });
  });

  it("refuses another workspace's certificate id with the `certificate` code, before any I/O", async () => {
    const { ctx } = await workspaceWithCertificate('workspace-c');
    const other = await workspaceWithCertificate('workspace-d');
    const outcome = await run(ctx, call(mtlsUrl, { mtlsCertificateId: other.certificateId }));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'certificate' }, attempts: 0 });
    expect(outcome.error?.message).toContain('does not exist in this workspace');
    const unknown = await run(ctx, call(mtlsUrl, { mtlsCertificateId: 'no-such-certificate' }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'certificate' }, attempts: 0 });
  });
});
