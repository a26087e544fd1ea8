import { randomBytes, randomUUID } from 'node:crypto';
import { createTestPki } from '@parley/http/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createApiKey,
  createBot,
  createChannel,
  createClientCertificate,
  createComponent,
  createInvitation,
  createWorkspaceWithOwner,
  createDb,
  memberRoleSchema,
  publishBot,
  type MemberRole,
} from '@parley/db';
import { appRouter } from '../app-router';
import { createCaller } from '../create-caller';
import { createContext, type Context, type Principal } from '../create-context';
import { starterFlow } from '../starter-flow';
import { trpcError } from '../testing/trpc-error';
import { roleAllows, type ProcedureAccess } from './procedure-access';

/**
 * The access suite, generated from the router: every procedure of appRouter is
 * enumerated, so a procedure added without an access rule, or without a cross-workspace
 * case below, fails here.
 * 1. Every procedure declares a least role, signed-in access, or a public reason.
 * 2. Each role is refused what it may not do (FORBIDDEN), and allowed what it may
 *    (anything but FORBIDDEN/UNAUTHORIZED); an anonymous caller gets UNAUTHORIZED from
 *    every procedure that is not public; an API key is refused the signed-in ones.
 * 3. An owner of workspace A using workspace B's ids — top level, nested inside inputs,
 *    empty strings, unknown fields — gets NOT_FOUND or FORBIDDEN (BAD_REQUEST for empty
 *    strings), never B's data, and nothing in B changes.
 */

const db = createDb(inject('databaseUrl'));
const secretKey = randomBytes(32).toString('hex');
const paths = Object.keys(appRouter._def.procedures).sort();
const roles = memberRoleSchema.options;
const pair = createTestPki('access suite').issue('parley-client', { usage: 'client' });
const testCertificate = pair.certificate;
const testKey = pair.key;

type Tenant = {
  workspaceId: string;
  slug: string;
  ownerId: string;
  botId: string;
  componentId: string;
  channelId: string;
  certificateId: string;
  invitationId: string;
  invitationToken: string;
  apiKeyId: string;
  /** Strings that only B's rows contain: none may appear in a response to A. */
  markers: string[];
};
let a: Tenant;
let b: Tenant;

async function tenant(label: string): Promise<Tenant> {
  const marker = `${label}-${randomUUID().slice(0, 8)}`;
  const owner = await db.user.create({ data: { email: `${marker}@owner.test`, name: `Owner ${marker}` } });
  const workspace = await createWorkspaceWithOwner(db, { name: `Workspace ${marker}`, ownerUserId: owner.id });
  const bot = await createBot(db, { workspaceId: workspace.id, name: `Bot ${marker}`, draft: starterFlow() });
  // Version 1 exists, so the version procedures' cases reach a real row of B's.
  await publishBot(db, bot.id, { note: `Note ${marker}` });
  const component = await createComponent(db, { workspaceId: workspace.id, name: `Component ${marker}`, draft: { name: `Component ${marker}` } });
  const channel = await createChannel(
    db,
    { workspaceId: workspace.id, botId: bot.id, type: 'http', name: `Channel ${marker}`, config: { outboundUrl: 'https://example.com/in' }, secrets: { webhookSecret: `whsec_${marker}` } },
    secretKey,
  );
  const certificate = await createClientCertificate(db, { workspaceId: workspace.id, name: `Cert ${marker}`, certificate: testCertificate, key: testKey }, secretKey);
  const invitation = await createInvitation(db, { workspaceId: workspace.id, email: `${marker}@invitee.test`, role: 'agent', invitedById: owner.id });
  const key = await createApiKey(db, { workspaceId: workspace.id, name: `Key ${marker}`, role: 'builder', createdById: owner.id });
  return {
    workspaceId: workspace.id,
    slug: workspace.slug,
    ownerId: owner.id,
    botId: bot.id,
    componentId: component.id,
    channelId: channel.id,
    certificateId: certificate.id,
    invitationId: invitation.invitation.id,
    invitationToken: invitation.token,
    apiKeyId: key.apiKey.id,
    markers: [marker, workspace.id, bot.id, component.id, channel.id, certificate.id, invitation.invitation.id, key.apiKey.id, owner.id],
  };
}

beforeAll(async () => {
  a = await tenant('a');
  b = await tenant('b');
});

afterAll(async () => {
  await db.workspace.deleteMany({ where: { id: { in: [a?.workspaceId ?? '', b?.workspaceId ?? ''] } } });
  await db.$disconnect();
});

function contextOf(tenantOf: Tenant, role: MemberRole | null, principal?: Principal | null): Context {
  return createContext({
    db,
    secretKey,
    principal: principal === undefined ? { kind: 'user', userId: tenantOf.ownerId, email: `${tenantOf.slug}@owner.test`, name: 'Owner' } : principal,
    workspace: role ? { id: tenantOf.workspaceId, slug: tenantOf.slug } : null,
    role,
  });
}

/** Calls the procedure at `path` (e.g. `bots.get`) with `input`; resolves to its result or the TRPCError's code. */
async function call(context: Context, path: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; code: string; message: string }> {
  let target: unknown = createCaller(context);
  for (const segment of path.split('.')) target = Reflect.get(Object(target), segment);
  if (typeof target !== 'function') throw new Error(`${path} is not callable`);
  const promise: Promise<unknown> = Promise.resolve().then(() => Reflect.apply(target, undefined, [input]));
  const settled = await promise.then(
    (value: unknown) => ({ ok: true as const, value }),
    () => undefined,
  );
  if (settled) return settled;
  const error = await trpcError(promise);
  return { ok: false, code: error.code, message: error.message };
}

/** Everything B owns, as one string: compared before and after A's attempts. */
async function snapshotOf(tenantOf: Tenant): Promise<string> {
  const where = { workspaceId: tenantOf.workspaceId };
  const rows = await Promise.all([
    db.workspace.findUnique({ where: { id: tenantOf.workspaceId } }),
    db.membership.findMany({ where, orderBy: { id: 'asc' } }),
    db.bot.findMany({ where, orderBy: { id: 'asc' } }),
    db.botVersion.findMany({ where: { bot: where }, orderBy: { id: 'asc' } }),
    db.component.findMany({ where, orderBy: { id: 'asc' } }),
    db.channel.findMany({ where, orderBy: { id: 'asc' } }),
    db.clientCertificate.findMany({ where, orderBy: { id: 'asc' } }),
    db.invitation.findMany({ where, orderBy: { id: 'asc' } }),
    db.apiKey.findMany({ where, orderBy: { id: 'asc' } }),
    db.auditLog.findMany({ where, orderBy: { id: 'asc' } }),
    db.conversationTag.findMany({ where, orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

type Case = { input: unknown; expect: 'refused' | 'empty' | 'own-only' };

const componentElementFlow = (componentId: string) => ({
  ...starterFlow(),
  dialogs: [{ id: 'main', name: 'Main', startElementId: 'c', elements: [{ id: 'c', type: 'component', componentId }], edges: [] }],
});
const apiElement = (certificateId: string) => ({ id: 'api', type: 'api', url: 'https://example.com/x', mtlsCertificateId: certificateId });

/**
 * Per procedure: what A's owner tries with B's ids. `refused`: NOT_FOUND or FORBIDDEN;
 * `empty`: an empty id, BAD_REQUEST or NOT_FOUND; `own-only`: may succeed, but only on
 * A's own rows (no B marker in the answer). A procedure missing here fails the suite.
 */
const cases: Record<string, (target: Tenant) => Case[]> = {
  'workspaces.current': () => [{ input: undefined, expect: 'own-only' }],
  'workspaces.list': () => [{ input: undefined, expect: 'own-only' }],
  'workspaces.create': (t) => [{ input: { name: 'Mine too', workspaceId: t.workspaceId }, expect: 'own-only' }],
  'workspaces.switch': (t) => [
    { input: { workspaceId: t.workspaceId }, expect: 'refused' },
    { input: { workspaceId: '' }, expect: 'empty' },
  ],
  'members.list': (t) => [{ input: { workspaceId: t.workspaceId }, expect: 'own-only' }],
  'members.changeRole': (t) => [
    { input: { userId: t.ownerId, role: 'agent' }, expect: 'refused' },
    { input: { userId: t.ownerId, role: 'agent', workspaceId: t.workspaceId }, expect: 'refused' },
    { input: { userId: '', role: 'agent' }, expect: 'empty' },
  ],
  'members.remove': (t) => [
    { input: { userId: t.ownerId }, expect: 'refused' },
    { input: { userId: '' }, expect: 'empty' },
  ],
  'invitations.list': (t) => [{ input: { workspaceId: t.workspaceId }, expect: 'own-only' }],
  'invitations.create': (t) => [{ input: { email: 'new@invitee.test', role: 'agent', workspaceId: t.workspaceId }, expect: 'own-only' }],
  'invitations.revoke': (t) => [
    { input: { id: t.invitationId }, expect: 'refused' },
    { input: { id: '' }, expect: 'empty' },
  ],
  // The token is the credential: whoever holds B's link may see and (with B's invitee's email) accept it.
  'invitations.preview': () => [{ input: { token: randomBytes(32).toString('base64url') }, expect: 'refused' }],
  'invitations.accept': (t) => [{ input: { token: t.invitationToken }, expect: 'refused' }],
  'apiKeys.list': (t) => [{ input: { workspaceId: t.workspaceId }, expect: 'own-only' }],
  'apiKeys.create': (t) => [{ input: { name: 'ci', role: 'builder', workspaceId: t.workspaceId }, expect: 'own-only' }],
  'apiKeys.revoke': (t) => [
    { input: { id: t.apiKeyId }, expect: 'refused' },
    { input: { id: '' }, expect: 'empty' },
  ],
  'audit.list': (t) => [{ input: { before: randomUUID(), workspaceId: t.workspaceId }, expect: 'own-only' }],
  'bots.list': (t) => [{ input: { workspaceId: t.workspaceId }, expect: 'own-only' }],
  'bots.get': (t) => [
    { input: { id: t.botId }, expect: 'refused' },
    { input: { id: '' }, expect: 'empty' },
  ],
  'bots.create': (t) => [
    { input: { name: 'Nested', draft: componentElementFlow(t.componentId), workspaceId: t.workspaceId }, expect: 'own-only' },
    { input: { name: 'From a template', template: 'faq', workspaceId: t.workspaceId }, expect: 'own-only' },
  ],
  'bots.saveDraft': (t) => [
    { input: { id: t.botId, draft: { ...starterFlow(), settings: { sessionTimeoutSeconds: 60 } } }, expect: 'refused' },
    { input: { id: t.botId, draft: { ...starterFlow(), dialogs: [] }, allowErrors: true }, expect: 'refused' },
    { input: { id: '', draft: starterFlow() }, expect: 'empty' },
  ],
  'bots.publish': (t) => [
    { input: { id: t.botId }, expect: 'refused' },
    { input: { id: t.botId, note: 'Stolen release' }, expect: 'refused' },
    { input: { id: '' }, expect: 'empty' },
  ],
  'bots.templates': (t) => [{ input: { workspaceId: t.workspaceId }, expect: 'own-only' }],
  'bots.update': (t) => [
    { input: { id: t.botId, name: 'Renamed by A' }, expect: 'refused' },
    { input: { id: t.botId, description: null, workspaceId: t.workspaceId }, expect: 'refused' },
    { input: { id: '', name: 'x' }, expect: 'empty' },
  ],
  'bots.duplicate': (t) => [
    { input: { id: t.botId }, expect: 'refused' },
    { input: { id: t.botId, name: 'Copied into A' }, expect: 'refused' },
    { input: { id: '' }, expect: 'empty' },
  ],
  'bots.delete': (t) => [
    { input: { id: t.botId }, expect: 'refused' },
    { input: { id: '' }, expect: 'empty' },
  ],
  'bots.draftState': (t) => [
    { input: { id: t.botId }, expect: 'refused' },
    { input: { id: '' }, expect: 'empty' },
  ],
  'bots.versions': (t) => [
    { input: { id: t.botId }, expect: 'refused' },
    { input: { id: '' }, expect: 'empty' },
  ],
  'bots.version': (t) => [
    { input: { id: t.botId, number: 1 }, expect: 'refused' },
    { input: { id: '', number: 1 }, expect: 'empty' },
  ],
  'bots.restoreVersion': (t) => [
    { input: { id: t.botId, number: 1 }, expect: 'refused' },
    { input: { id: t.botId, number: 1, expectedRevision: 0 }, expect: 'refused' },
    { input: { id: '', number: 1 }, expect: 'empty' },
  ],
  'components.list': (t) => [{ input: { workspaceId: t.workspaceId }, expect: 'own-only' }],
  'components.get': (t) => [
    { input: { id: t.componentId }, expect: 'refused' },
    { input: { id: '' }, expect: 'empty' },
  ],
  'components.create': (t) => [{ input: { name: 'Mine', workspaceId: t.workspaceId }, expect: 'own-only' }],
  'components.saveDraft': (t) => [
    { input: { id: t.componentId, draft: { name: 'Overwritten' } }, expect: 'refused' },
    { input: { id: t.componentId, draft: { name: 'Overwritten' }, allowErrors: true }, expect: 'refused' },
    { input: { id: '', draft: {} }, expect: 'empty' },
  ],
  'components.update': (t) => [
    { input: { id: t.componentId, name: 'Renamed by A' }, expect: 'refused' },
    { input: { id: t.componentId, description: null }, expect: 'refused' },
    { input: { id: '', name: 'x' }, expect: 'empty' },
  ],
  'components.resolve': (t) => [{ input: { ids: [t.componentId] }, expect: 'own-only' }],
  'components.publish': (t) => [
    { input: { id: t.componentId }, expect: 'refused' },
    { input: { id: '' }, expect: 'empty' },
  ],
  'channels.list': (t) => [{ input: { workspaceId: t.workspaceId }, expect: 'own-only' }],
  'channels.create': (t) => [
    { input: { botId: t.botId, type: 'http', name: 'Stolen', outboundUrl: 'https://example.com/steal' }, expect: 'refused' },
    { input: { botId: '', type: 'http', name: 'x', outboundUrl: 'https://example.com/x' }, expect: 'empty' },
  ],
  'channels.revealSecret': (t) => [
    { input: { channelId: t.channelId, name: 'webhookSecret' }, expect: 'refused' },
    { input: { channelId: '', name: 'webhookSecret' }, expect: 'empty' },
  ],
  'certificates.list': (t) => [{ input: { workspaceId: t.workspaceId }, expect: 'own-only' }],
  'certificates.create': (t) => [{ input: { name: 'Mine', certificate: testCertificate, key: testKey, workspaceId: t.workspaceId }, expect: 'own-only' }],
  'certificates.delete': (t) => [
    { input: { id: t.certificateId }, expect: 'refused' },
    { input: { id: '' }, expect: 'empty' },
  ],
  'apiElement.preview': (t) => [{ input: { element: apiElement(t.certificateId) }, expect: 'own-only' }],
  'apiElement.importCurl': (t) => [{ input: { curl: `curl https://example.com/${t.workspaceId}` }, expect: 'own-only' }],
  'codeAssistant.improve': () => [{ input: { code: 'const a=1' }, expect: 'own-only' }],
  'codeAssistant.create': () => [{ input: { prompt: 'x' }, expect: 'own-only' }],
  'codeAssistant.edit': () => [{ input: { code: 'x', instruction: 'y' }, expect: 'own-only' }],
  'codeAssistant.fix': () => [{ input: { code: 'x' }, expect: 'own-only' }],
};

function accessOf(path: string): ProcedureAccess | undefined {
  const procedure: unknown = Reflect.get(appRouter._def.procedures, path);
  const definition: unknown = typeof procedure === 'function' || typeof procedure === 'object' ? Reflect.get(Object(procedure), '_def') : undefined;
  const meta: unknown = definition ? Reflect.get(Object(definition), 'meta') : undefined;
  const access: unknown = meta ? Reflect.get(Object(meta), 'access') : undefined;
  if (typeof access !== 'object' || access === null) return undefined;
  if ('role' in access && typeof access.role === 'string') return { role: memberRoleSchema.parse(access.role) };
  if ('signedIn' in access && typeof access.signedIn === 'string') return { signedIn: access.signedIn };
  if ('public' in access && typeof access.public === 'string') return { public: access.public };
  return undefined;
}

describe('the router', () => {
  it('has procedures in every domain (so the checks below are not vacuous)', () => {
    expect(paths.length).toBeGreaterThan(30);
  });

  it('declares for every procedure a least role, or signed-in / public access with a reason', () => {
    const undeclared = paths.filter((path) => {
      const access = accessOf(path);
      if (!access) return true;
      if ('signedIn' in access) return access.signedIn.trim().length < 10;
      if ('public' in access) return access.public.trim().length < 10;
      return false;
    });
    expect(undeclared).toEqual([]);
  });

  it('has a cross-workspace case for every procedure', () => {
    expect(paths.filter((path) => !cases[path])).toEqual([]);
  });
});

describe('roles', () => {
  it('refuses each role what it may not do, and lets it reach what it may', async () => {
    const wrong: string[] = [];
    for (const path of paths) {
      const access = accessOf(path);
      if (!access || !('role' in access)) continue;
      for (const role of roles) {
        const outcome = await call(contextOf(a, role), path, undefined);
        const refused = !outcome.ok && (outcome.code === 'FORBIDDEN' || outcome.code === 'UNAUTHORIZED');
        if (refused === roleAllows(role, access.role)) wrong.push(`${path} as ${role}: ${outcome.ok ? 'ok' : `${outcome.code} ${outcome.message}`}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives an anonymous caller UNAUTHORIZED from every procedure that is not public, and refuses API keys the signed-in ones', async () => {
    const wrong: string[] = [];
    const apiKey: Principal = { kind: 'api-key', apiKeyId: a.markers[0] ?? '', name: 'ci' };
    for (const path of paths) {
      const access = accessOf(path);
      if (!access || 'public' in access) continue;
      const anonymous = await call(contextOf(a, null, null), path, undefined);
      if (anonymous.ok || anonymous.code !== 'UNAUTHORIZED') wrong.push(`${path} anonymous: ${anonymous.ok ? 'ok' : anonymous.code}`);
      if ('signedIn' in access) {
        const byKey = await call(contextOf(a, 'owner', apiKey), path, undefined);
        if (byKey.ok || byKey.code !== 'FORBIDDEN') wrong.push(`${path} by API key: ${byKey.ok ? 'ok' : byKey.code}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('workspace isolation', () => {
  it("refuses workspace A's owner every use of workspace B's ids, and leaves B unchanged", { timeout: 60_000 }, async () => {
    const before = await snapshotOf(b);
    const wrong: string[] = [];
    for (const path of paths) {
      for (const attempt of cases[path]?.(b) ?? []) {
        const outcome = await call(contextOf(a, 'owner'), path, attempt.input);
        const shown = JSON.stringify(attempt.input) ?? "";
        const label = `${path}(${shown.slice(0, 80)})`;
        if (outcome.ok) {
          if (attempt.expect !== 'own-only') wrong.push(`${label}: succeeded`);
          const answer = JSON.stringify(outcome.value) ?? '';
          const leaked = b.markers.filter((marker) => answer.includes(marker) && !shown.includes(marker));
          if (leaked.length > 0) wrong.push(`${label}: answered with B's ${leaked.join(', ')}`);
        } else {
          const allowed = attempt.expect === 'empty' ? ['BAD_REQUEST', 'NOT_FOUND'] : attempt.expect === 'refused' ? ['NOT_FOUND', 'FORBIDDEN'] : ['NOT_FOUND', 'FORBIDDEN', 'BAD_REQUEST', 'PRECONDITION_FAILED', 'SERVICE_UNAVAILABLE', 'BAD_GATEWAY', 'GATEWAY_TIMEOUT'];
          if (!allowed.includes(outcome.code)) wrong.push(`${label}: ${outcome.code} ${outcome.message}`);
          const leaked = b.markers.slice(0, 1).filter((marker) => outcome.message.includes(marker));
          if (leaked.length > 0) wrong.push(`${label}: error names B's ${leaked.join(', ')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshotOf(b)).toBe(before);
  });
});
