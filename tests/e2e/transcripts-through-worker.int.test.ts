import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoFlow, migrateFlow } from '@parley/engine';
import { startPlatform, type Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';

/**
 * Golden transcripts (libs/engine/src/transcripts) replayed through the real
 * platform: API ingress, Redis queue, worker, runner (with its database call
 * executors), outbound delivery. Only transcripts whose events are all user
 * messages and whose sends do not depend on randomness are replayable this way;
 * these are a handful covering different elements.
 */
const replayed = [
  'user-response-keyword-nlp',
  'save-user-response-phone-normalized',
  'save-user-response-invalid-repeat-fallback',
  'conditions-and-or',
  'to-dialog-share',
  'to-agent-handoff',
  'csat-1-5-feedback',
  'placeholders',
];

type Step = { event: { say?: string }; expect: { sends: (string | { text: string })[]; status?: string; attributes?: Record<string, unknown> } };
type Transcript = { flow: unknown; steps: Step[] };

const dir = resolve(import.meta.dirname, '../../libs/engine/src/transcripts');
function load(name: string): Transcript {
  const parsed: unknown = JSON.parse(readFileSync(resolve(dir, `${name}.json`), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${name}: not an object`);
  const steps: unknown = Reflect.get(parsed, 'steps');
  return { flow: Reflect.get(parsed, 'flow'), steps: Array.isArray(steps) ? steps : [] };
}

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_transcripts`,
    flow: demoFlow,
  });
});

afterAll(async () => {
  await platform?.stop();
});

describe('golden transcripts through the real worker and queue', () => {
  it.each(replayed)('%s', async (name) => {
    const transcript = load(name);
    expect(transcript.steps.every((step) => typeof step.event.say === 'string'), `${name} must contain only user messages`).toBe(true);
    const channelId = await platform.addBot(migrateFlow(transcript.flow));
    const contact = `${name}-${Date.now()}`;
    const expected: string[] = [];
    for (const [index, step] of transcript.steps.entries()) {
      const response = await platform.post({ messageId: `${contact}-${index}`, from: contact, text: step.event.say ?? '' }, { channelId });
      expect(response.status).toBe(202);
      expected.push(...step.expect.sends.map((send) => (typeof send === 'string' ? send : send.text)));
      await waitFor(`${name} step ${index}: ${expected.length} replies`, async () => {
        const processed = await platform.db.message.count({ where: { channelId, contact, direction: 'inbound', status: 'processed' } });
        return processed === index + 1 ? true : undefined;
      });
      const stored = await platform.db.message.findMany({ where: { channelId, contact, direction: 'outbound' }, orderBy: { seq: 'asc' } });
      expect(stored.map((message) => message.text), `${name} after step ${index}`).toEqual(expected);
      const session = await platform.db.session.findFirst({ where: { channelId, contact }, orderBy: { createdAt: 'desc' } });
      if (step.expect.status === 'closed') expect(session?.status).not.toBe('active');
      if (step.expect.status === 'active') expect(session?.status).toBe('active');
      if (step.expect.attributes && session) {
        const state: unknown = session.state;
        const attributes: unknown = typeof state === 'object' && state !== null ? Reflect.get(state, 'attributes') : undefined;
        expect(attributes).toMatchObject(step.expect.attributes);
      }
    }
    await waitFor(`${name}: every reply delivered`, () => (platform.receiver.repliesTo(contact).length === expected.length ? true : undefined));
    expect([...platform.receiver.repliesTo(contact).map((reply) => reply.text)].sort()).toEqual([...expected].sort());
  });
});
