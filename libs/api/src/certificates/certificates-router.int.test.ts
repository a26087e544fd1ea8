import { randomBytes, randomUUID } from 'node:crypto';
import type { TRPCError } from '@trpc/server';
import { createDb, createWorkspace, getClientCertificate, getWorkspaceBySlug, type Db } from '@parley/db';
import { createTestPki, type TestKeyPair, type TestPki } from '@parley/http/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { createCaller } from '../index';
import { memberContext } from '../testing/member-context';
import { inputIssues } from '../input-issues';
import { trpcError } from '../testing/trpc-error';

/** `certificates.*` against the real database, with PEMs from a throwaway CA. */
const secretKey = randomBytes(32).toString('hex');
const suffix = randomUUID().slice(0, 8);
const slug = `certs-${suffix}`;
const otherSlug = `certs-other-${suffix}`;
let db: Db;
let pki: TestPki;
let pair: TestKeyPair;
let otherPair: TestKeyPair;

beforeAll(async () => {
  db = createDb(inject('databaseUrl'), { maxConnections: 4 });
  await createWorkspace(db, { name: 'Certs', slug });
  await createWorkspace(db, { name: 'Other', slug: otherSlug });
  pki = createTestPki('API Test CA');
  pair = pki.issue('crm-client', { usage: 'client' });
  otherPair = pki.issue('other-client', { usage: 'client' });
});
afterAll(async () => {
  await db?.$disconnect();
});

async function callerFor(workspaceSlug: string) {
  return createCaller(await memberContext(db, secretKey, workspaceSlug));
}

function fieldsOf(error: TRPCError): string[] {
  return error.cause instanceof ZodError ? inputIssues(error.cause).map((issue) => issue.field) : [];
}

describe('certificates router', () => {
  it('creates, lists without the key, and deletes within the workspace only', async () => {
    const caller = await callerFor(slug);
    const created = await caller.certificates.create({ name: 'CRM', certificate: pair.certificate, key: pair.key, ca: pki.ca });
    expect(created).toMatchObject({ name: 'CRM', hasCa: true, subject: 'CN=crm-client', issuer: 'CN=API Test CA' });
    expect(JSON.stringify(created)).not.toContain('PRIVATE KEY');

    const workspace = await getWorkspaceBySlug(db, slug);
    const stored = await getClientCertificate(db, { workspaceId: workspace?.id ?? '', id: created.id }, secretKey);
    expect(stored?.key.trim()).toBe(pair.key.trim());

    expect(await caller.certificates.list()).toEqual([created]);
    const other = await callerFor(otherSlug);
    expect(await other.certificates.list()).toEqual([]);
    expect((await trpcError(other.certificates.delete({ id: created.id }))).code).toBe('NOT_FOUND');

    expect((await trpcError(caller.certificates.create({ name: 'CRM', certificate: pair.certificate, key: pair.key }))).code).toBe('CONFLICT');
    expect(await caller.certificates.delete({ id: created.id })).toEqual({ deleted: true });
    expect(await caller.certificates.list()).toEqual([]);
  });

  it('refuses a key that does not match the certificate, or unparsable PEMs, naming the field', async () => {
    const caller = await callerFor(slug);
    const mismatch = await trpcError(caller.certificates.create({ name: 'Bad', certificate: pair.certificate, key: otherPair.key }));
    expect(mismatch.code).toBe('BAD_REQUEST');
    expect(mismatch.message).toContain('key: does not match the certificate');
    expect(fieldsOf(mismatch)).toEqual(['key']);

    const badCertificate = await trpcError(caller.certificates.create({ name: 'Bad', certificate: 'hello', key: pair.key }));
    expect(fieldsOf(badCertificate)).toEqual(['certificate']);
    const badCa = await trpcError(caller.certificates.create({ name: 'Bad', certificate: pair.certificate, key: pair.key, ca: 'nope' }));
    expect(fieldsOf(badCa)).toEqual(['ca']);
  });
});
