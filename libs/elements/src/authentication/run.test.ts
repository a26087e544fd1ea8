import { describe, expect, it } from 'vitest';
import { builtInAttributes, isInboundAttribute } from '../attribute-declaration-schema';
import { httpRequestCallSchema } from '../calls/http-request-call';
import { elementOutcomeSchema } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import { testContext } from '../test-context';
import type { ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import { authenticationAttributeRefs, authenticationPorts, resumeAuthentication, runAuthentication, validateAuthentication } from './run';
import { authenticationSchema, type Authentication } from './schema';

const auth = (config: Record<string, unknown> = {}): Authentication =>
  authenticationSchema.parse({
    id: 'login',
    type: 'authentication',
    url: 'https://auth.example/oauth/token',
    contentType: 'url-encoded',
    body: { type: 'key-value', pairs: [{ key: 'grant_type', value: 'client_credentials' }, { key: 'client_id', value: '{{clientId}}' }] },
    saveAs: 'token',
    tokenPath: 'access_token',
    ...config,
  });
const context = testContext({ attributes: { clientId: 'bot-1', endUserDestination: '+14155552671' } });
const waitFor: WaitFor = { kind: 'call.result', timeoutSeconds: 40 };
const reply = (status: number, body: string, contentType = 'application/json'): ResumeEvent => ({
  type: 'call.result',
  ok: true,
  result: { status, headers: { 'content-type': contentType }, body, attempts: 1 },
});
const validation: ValidationContext = {
  declarations: Object.fromEntries(builtInAttributes.map((declaration) => [declaration.name, declaration])),
  dialogs: [],
  components: [],
  isInbound: isInboundAttribute,
  scope: { kind: 'bot' },
};

describe('authentication schema', () => {
  it('has the spec fields: URL, GET/POST, headers, body, attribute, fallback', () => {
    const ok = (config: Record<string, unknown>): boolean => authenticationSchema.safeParse({ ...auth(), ...config }).success;
    expect(auth({ method: undefined, tokenPath: undefined, body: undefined, contentType: undefined })).toEqual({
      id: 'login',
      type: 'authentication',
      url: 'https://auth.example/oauth/token',
      method: 'POST',
      contentType: 'none',
      headers: [],
      saveAs: 'token',
    });
    expect(ok({ method: 'GET' })).toBe(true);
    expect(ok({ method: 'PUT' })).toBe(false);
    expect(ok({ saveAs: undefined })).toBe(false);
    expect(ok({ saveAs: '1token' })).toBe(false);
    expect(ok({ tokenPath: 'data..token' })).toBe(false);
    expect(ok({ url: 'auth.example' })).toBe(false);
    expect(ok({ fallback: { action: { type: 'agent', queue: 'support' } } })).toBe(true);
  });
});

describe('authentication run', () => {
  it('sends the request (inbound attributes allowed) and waits', () => {
    const outcome = runAuthentication(auth({ headers: [{ key: 'X-User', value: '{{endUserDestination}}' }] }), context);
    expect(outcome).toMatchObject({ kind: 'wait', waitFor: { kind: 'call.result', timeoutSeconds: 40 } });
    const effect = outcome.effects[0];
    expect(effect?.type === 'call' && httpRequestCallSchema.parse(effect.call)).toEqual({
      name: 'http.request',
      purpose: 'authentication',
      method: 'POST',
      url: 'https://auth.example/oauth/token',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-User': '+14155552671' },
      body: { kind: 'text', text: 'grant_type=client_credentials&client_id=bot-1' },
      timeoutMs: 10_000,
      retries: 0,
    });
  });

  it('takes the fallback when the request cannot be built', () => {
    expect(runAuthentication(auth({ method: 'GET' }), context)).toEqual({ kind: 'fallback', effects: [], attributes: {} });
  });

  it('saves the token at tokenPath', () => {
    const outcome = resumeAuthentication(auth(), waitFor, reply(200, '{"access_token":"t-1","expires_in":3600}'), context);
    expect(outcome).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: { token: 't-1' } });
    expect(elementOutcomeSchema.safeParse(outcome).success).toBe(true);
  });

  it('saves the whole body without tokenPath (parsed JSON, else text)', () => {
    const whole = auth({ tokenPath: undefined });
    expect(resumeAuthentication(whole, waitFor, reply(200, '{"ok":true}'), context).attributes).toEqual({ token: { ok: true } });
    expect(resumeAuthentication(whole, waitFor, reply(200, 'abc', 'text/plain'), context).attributes).toEqual({ token: 'abc' });
  });

  it('reads a token from XML', () => {
    const xml = '<auth><token type="bearer">x-9</token></auth>';
    expect(resumeAuthentication(auth({ tokenPath: 'auth.token' }), waitFor, reply(200, xml, 'application/xml'), context).attributes).toEqual({ token: 'x-9' });
  });

  it('takes the fallback on failure: non-2xx, no token, no response, wait timeout', () => {
    const element = auth({ fallback: { action: { type: 'port' } } });
    const fallback = { kind: 'fallback', fallback: { action: { type: 'port' } }, effects: [], attributes: {} };
    expect(resumeAuthentication(element, waitFor, reply(401, '{"error":"invalid_client"}'), context)).toEqual(fallback);
    expect(resumeAuthentication(element, waitFor, reply(200, '{"other":1}'), context)).toEqual(fallback);
    expect(resumeAuthentication(element, waitFor, { type: 'call.result', ok: false, error: { code: 'network', message: 'x' } }, context)).toEqual(fallback);
    expect(resumeAuthentication(element, waitFor, { type: 'timeout' }, context)).toEqual(fallback);
  });

  it('has ports, refs and validation', () => {
    expect(authenticationPorts(auth())).toEqual(['next']);
    expect(authenticationPorts(auth({ fallback: { action: { type: 'port' } } }))).toEqual(['next', 'fallback']);
    expect(authenticationAttributeRefs(auth()).map(({ name, access, path }) => ({ name, access, path }))).toEqual([
      { name: 'clientId', access: 'read', path: ['body', 'pairs', 1, 'value'] },
      { name: 'token', access: 'write', path: ['saveAs'] },
    ]);
    expect(validateAuthentication(auth({ method: 'GET' }), validation).map(({ field, rule }) => ({ field, rule }))).toEqual([{ field: 'body', rule: 'body-not-allowed' }]);
    expect(validateAuthentication(auth({ headers: [{ key: 'X-User', value: '{{endUserDestination}}' }] }), validation)).toEqual([]);
  });
});
