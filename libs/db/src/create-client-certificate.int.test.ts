import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createClientCertificate } from './create-client-certificate';
import { createDb } from './create-db';
import { createWorkspace } from './create-workspace';
import { deleteClientCertificate } from './delete-client-certificate';
import { getClientCertificate } from './get-client-certificate';
import { isUniqueConstraintError } from './is-unique-constraint-error';
import { listClientCertificates } from './list-client-certificates';
import { SecretBoxError } from './secret-box';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());
const secretKey = randomBytes(32).toString('hex');
// Repositories store PEM text as given (callers check it with checkTlsMaterial); placeholders suffice here.
const pem = { certificate: '-----BEGIN CERTIFICATE-----\nleaf\n-----END CERTIFICATE-----', key: '-----BEGIN PRIVATE KEY-----\nsecret-key-material\n-----END PRIVATE KEY-----' };

const newWorkspace = () => createWorkspace(db, { name: 'Certs', slug: `certs-${randomUUID()}` });

describe('client certificates', () => {
  it('stores the key sealed, lists without keys, and opens it only within its workspace', async () => {
    const workspace = await newWorkspace();
    const other = await newWorkspace();
    const created = await createClientCertificate(db, { workspaceId: workspace.id, name: 'partner', ...pem, ca: 'CA PEM' }, secretKey);
    expect(created).toMatchObject({ workspaceId: workspace.id, name: 'partner', certificate: pem.certificate, ca: 'CA PEM' });
    expect(created).not.toHaveProperty('key');

    const row = await db.clientCertificate.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.key).toMatch(/^v1\./);
    expect(row.key).not.toContain('secret-key-material');

    const listed = await listClientCertificates(db, workspace.id);
    expect(listed).toEqual([created]);
    expect(listed[0]).not.toHaveProperty('key');
    expect(await listClientCertificates(db, other.id)).toEqual([]);

    expect(await getClientCertificate(db, { workspaceId: workspace.id, id: created.id }, secretKey)).toEqual({ ...created, key: pem.key });
    expect(await getClientCertificate(db, { workspaceId: other.id, id: created.id }, secretKey)).toBeNull();
    await expect(getClientCertificate(db, { workspaceId: workspace.id, id: created.id }, randomBytes(32).toString('hex'))).rejects.toBeInstanceOf(SecretBoxError);

    expect(await deleteClientCertificate(db, { workspaceId: other.id, id: created.id })).toBe(false);
    expect(await deleteClientCertificate(db, { workspaceId: workspace.id, id: created.id })).toBe(true);
    expect(await getClientCertificate(db, { workspaceId: workspace.id, id: created.id }, secretKey)).toBeNull();
  });

  it('keeps names unique per workspace', async () => {
    const workspace = await newWorkspace();
    const other = await newWorkspace();
    await createClientCertificate(db, { workspaceId: workspace.id, name: 'dup', ...pem }, secretKey);
    await createClientCertificate(db, { workspaceId: other.id, name: 'dup', ...pem }, secretKey);
    const error: unknown = await createClientCertificate(db, { workspaceId: workspace.id, name: 'dup', ...pem }, secretKey).catch((caught: unknown) => caught);
    expect(isUniqueConstraintError(error)).toBe(true);
  });

  it('does not open a sealed key copied into another row', async () => {
    const workspace = await newWorkspace();
    const a = await createClientCertificate(db, { workspaceId: workspace.id, name: 'a', ...pem }, secretKey);
    const b = await createClientCertificate(db, { workspaceId: workspace.id, name: 'b', ...pem, key: 'other key' }, secretKey);
    const sealedA = (await db.clientCertificate.findUniqueOrThrow({ where: { id: a.id } })).key;
    await db.clientCertificate.update({ where: { id: b.id }, data: { key: sealedA } });
    await expect(getClientCertificate(db, { workspaceId: workspace.id, id: b.id }, secretKey)).rejects.toBeInstanceOf(SecretBoxError);
  });
});
