import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClientCertificate, getChannel } from '@parley/db';
import { migrateFlow } from '@parley/engine';
import { createTestPki, type TestKeyPair } from '@parley/http/testing';
import { expectNoSecretsInLogs } from '../support/expect-no-secrets-in-logs';
import { startPlatform, type Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';

/**
 * Secrets stay out of logs, traces, errors and answers. A whole conversation uses all
 * three kinds the platform holds: the HTTP channel's signing secret (inbound signature,
 * signed reply), a workspace mTLS client certificate's private key (the API element
 * calls a partner that demands a client certificate) and a credential in an API element
 * header (the partner checks it). Afterwards, none of them (nor the platform key)
 * appears in any log line of the API or the worker (at debug), in the answers the
 * platform gave, or in the stored errors and call results.
 */
const credential = `cred_${randomBytes(16).toString('hex')}`;
let platform: Platform;
let partner: Server;
let partnerUrl = '';
let client: TestKeyPair;
const seen: { cert: string | undefined; authorization: string | undefined }[] = [];

beforeAll(async () => {
  const serverPki = createTestPki('Partner Server CA');
  const clientPki = createTestPki('Partner Client CA');
  const serverPair = serverPki.issue('partner', { usage: 'server', ipAddresses: ['127.0.0.1'] });
  client = clientPki.issue('parley-workspace', { usage: 'client' });
  partner = createServer({ cert: serverPair.certificate, key: serverPair.key, requestCert: true, rejectUnauthorized: true, ca: clientPki.ca }, (request, response) => {
    const peer = request.socket instanceof TLSSocket ? request.socket.getPeerCertificate() : null;
    seen.push({ cert: peer?.subject ? String(peer.subject.CN) : undefined, authorization: request.headers.authorization });
    const authorized = request.headers.authorization === `Bearer ${credential}`;
    response.writeHead(authorized ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify({ status: authorized ? 'verified' : 'refused' }));
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = partner.address();
  if (address === null || typeof address === 'string') throw new Error('partner not on TCP');
  partnerUrl = `https://127.0.0.1:${address.port}/verify`;

  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_secrets`,
    flow: migrateFlow({ version: 1, attributes: [], entryDialogId: 'main', dialogs: [{ id: 'main', name: 'Main', startElementId: 'hello', elements: [{ id: 'hello', type: 'send-message', text: 'hello' }], edges: [] }], settings: { sessionTimeoutSeconds: 600 } }),
    apiEnv: { LOG_LEVEL: 'debug' },
    workerEnv: { LOG_LEVEL: 'debug' },
  });
  const first = await getChannel(platform.db, platform.channelId, platform.env.PARLEY_SECRET_KEY ?? '');
  if (!first) throw new Error('no channel');
  const certificate = await createClientCertificate(
    platform.db,
    { workspaceId: first.workspaceId, name: 'Partner mTLS', certificate: client.certificate, key: client.key, ca: serverPki.ca },
    platform.env.PARLEY_SECRET_KEY ?? '',
  );
  const channelId = await platform.addBot(
    migrateFlow({
      version: 1,
      attributes: [{ name: 'status', type: 'text', scope: 'session' }],
      entryDialogId: 'main',
      dialogs: [
        {
          id: 'main',
          name: 'Main',
          startElementId: 'verify',
          elements: [
            {
              id: 'verify',
              type: 'api',
              method: 'GET',
              url: partnerUrl,
              mtlsCertificateId: certificate.id,
              headers: [{ key: 'Authorization', value: `Bearer ${credential}` }],
              timeoutSeconds: 10,
              retries: 0,
              response: { body: [{ attribute: 'status', path: 'status' }] },
            },
            { id: 'answer', type: 'send-message', text: 'partner says {{status}}' },
          ],
          edges: [{ id: 'e1', from: 'verify', to: 'answer' }],
        },
      ],
      settings: { sessionTimeoutSeconds: 600 },
    }),
  );
  verifiedChannelId = channelId;
}, 120_000);

let verifiedChannelId = '';

afterAll(async () => {
  await platform?.stop();
  await new Promise<void>((resolve) => {
    partner?.closeAllConnections();
    partner?.close(() => resolve());
  });
});

describe('secrets', () => {
  it('are used in a whole conversation and appear in no log line, answer, stored error or call result', async () => {
    const answer = await platform.post({ messageId: `m-${randomBytes(6).toString('hex')}`, from: 'secret-keeper', text: 'check me' }, { channelId: verifiedChannelId });
    expect(answer.status).toBe(202);
    const answerText = await answer.text();
    const replies = await waitFor('the reply', () => {
      const received = platform.receiver.repliesTo('secret-keeper');
      return received.length >= 1 ? received : undefined;
    });
    expect(replies.map((reply) => reply.text)).toEqual(['partner says verified']);
    // The partner really got the client certificate and the credential.
    expect(seen).toEqual([{ cert: 'parley-workspace', authorization: `Bearer ${credential}` }]);

    const channel = await getChannel(platform.db, verifiedChannelId, platform.env.PARLEY_SECRET_KEY ?? '');
    const webhookSecret = String(channel?.secrets['webhookSecret'] ?? '');
    // The private key's body lines (a line of base64 is what a leak would show).
    const keyLines = client.key.split('\n').filter((line) => line.length >= 40 && !line.startsWith('-----'));
    const secrets: Record<string, string> = {
      webhookSecret,
      credential,
      platformKey: platform.env.PARLEY_SECRET_KEY ?? '',
      ...Object.fromEntries(keyLines.map((line, index) => [`mTLS key line ${index}`, line])),
    };
    expect(keyLines.length).toBeGreaterThan(0);
    expectNoSecretsInLogs(platform, secrets);
    for (const [label, secret] of Object.entries(secrets)) {
      expect(answerText.includes(secret), `ingress answer contains ${label}`).toBe(false);
      expect(JSON.stringify(replies).includes(secret), `reply contains ${label}`).toBe(false);
    }
    const stored = JSON.stringify({
      errors: await platform.db.message.findMany({ where: { channelId: verifiedChannelId }, select: { error: true, payload: true } }),
      results: await platform.db.sessionCall.findMany({ where: { channelId: verifiedChannelId }, select: { result: true } }),
      events: await platform.db.analyticsEvent.findMany({ where: { workspaceId: channel?.workspaceId ?? '' }, select: { payload: true } }),
    });
    for (const [label, secret] of Object.entries(secrets)) expect(stored.includes(secret), `stored errors, results or events contain ${label}`).toBe(false);
  }, 60_000);
});
