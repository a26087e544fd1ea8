import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandSchema, type Command } from '../command-schema';
import type { EngineEvent } from '../engine-event-schema';
import { parseFlow } from '../parse-flow';
import { seededRandom } from '../seeded-random';
import { sessionStateSchema, type SessionState } from '../session-state-schema';
import { step } from '../step';
import { stepResultSchema } from '../step-result-schema';
import { validateFlow } from '../validate-flow';
import { transcriptCaseSchema, type TranscriptCase } from './transcript-case-schema';

/**
 * Golden transcripts: every *.json file in this folder is one case (see
 * transcript-case-schema.ts for the format). Besides each case's expectations, every
 * step must yield a session and commands that parse, and be deterministic.
 */
const folder = new URL('./', import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();

describe('golden transcripts', () => {
  it('finds the cases', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    it(file, () => {
      const testCase = transcriptCaseSchema.parse(JSON.parse(readFileSync(new URL(file, folder), 'utf8')));
      runCase(testCase);
    });
  }
});

function runCase(testCase: TranscriptCase): void {
  if (testCase.validation !== undefined) {
    const validation = validateFlow(testCase.flow);
    const pairs = (issues: { rule: string; path: string }[]) => issues.map(({ rule, path }) => ({ rule, path }));
    expect(pairs(validation.errors), 'validation errors').toEqual(testCase.validation.errors);
    if (testCase.validation.warnings !== undefined) {
      expect(pairs(validation.warnings), 'validation warnings').toEqual(testCase.validation.warnings);
    }
    if (testCase.steps.length === 0) return;
  }
  const parsed = parseFlow(testCase.flow);
  if (!parsed.ok) throw new Error(`the case's flow is invalid: ${JSON.stringify(parsed.errors, null, 2)}`);
  const flow = parsed.flow;

  let session: SessionState | null = null;
  testCase.steps.forEach((spec, index) => {
    const label = `step ${index}${spec.note === undefined ? '' : ` (${spec.note})`}`;
    const now = spec.at ?? index * 1000;
    const event: EngineEvent =
      'say' in spec.event
        ? { type: 'user.message', messageId: `m${index}`, text: spec.event.say, receivedAt: now }
        : 'fire' in spec.event
          ? { type: 'timer.fired', timerId: spec.event.fire }
          : spec.event;
    const deps = () => ({ now, random: seededRandom(testCase.seed + index) });
    const result = step(flow, session, event, deps());

    // Invariants of every step.
    expect(step(flow, session, event, deps()), `${label}: deterministic`).toEqual(result);
    expect(sessionStateSchema.safeParse(result.session).error, `${label}: session parses`).toBeUndefined();
    for (const command of result.commands) expect(commandSchema.safeParse(command).error, `${label}: command parses`).toBeUndefined();
    expect(stepResultSchema.safeParse(result).error, `${label}: step result parses`).toBeUndefined();
    if (result.outcome.kind === 'ignored') {
      expect(result.commands, `${label}: ignored → no commands`).toEqual([]);
      if (session !== null) expect(result.session, `${label}: ignored → same session`).toBe(session);
    }

    const { expect: want } = spec;
    expect(result.commands.flatMap(sendOf), `${label}: sends`).toEqual(want.sends);
    if (want.timers !== undefined) expect(result.commands.filter(isTimerCommand), `${label}: timers`).toEqual(want.timers);
    if (want.commands !== undefined) expect(result.commands, `${label}: commands`).toEqual(want.commands);
    if (want.attributes !== undefined) expect(result.session.attributes, `${label}: attributes`).toMatchObject(want.attributes);
    if (want.status !== undefined) expect(result.session.status, `${label}: status`).toBe(want.status);
    if (want.closeReason !== undefined) expect(result.session.closeReason, `${label}: closeReason`).toBe(want.closeReason);
    if (want.outcome !== undefined) expect(result.outcome, `${label}: outcome`).toEqual(want.outcome);
    if (want.session !== undefined) expect(result.session, `${label}: session`).toMatchObject(want.session);
    if (want.trace !== undefined) expectTraceIncludes(result.trace, want.trace, label);
    session = result.session;
  });
}

/** Each wanted entry matches (partially) a trace entry after the previous match. */
function expectTraceIncludes(trace: readonly object[], wanted: readonly Record<string, unknown>[], label: string): void {
  let from = 0;
  for (const entry of wanted) {
    const index = trace.findIndex((candidate, at) => at >= from && matches(candidate, entry));
    expect(index, `${label}: trace has ${JSON.stringify(entry)} (after entry ${from}) in ${JSON.stringify(trace, null, 1)}`).toBeGreaterThanOrEqual(0);
    from = index + 1;
  }
}

function matches(candidate: object, entry: Record<string, unknown>): boolean {
  return Object.entries(entry).every(([key, value]) => JSON.stringify(Reflect.get(candidate, key)) === JSON.stringify(value));
}

function sendOf(command: Command): (string | { text: string; buttons: string[] })[] {
  if (command.type !== 'send') return [];
  return [command.buttons === undefined ? command.text : { text: command.text, buttons: command.buttons.map((button) => button.label) }];
}

function isTimerCommand(command: Command): boolean {
  return command.type === 'timer.set' || command.type === 'timer.cancel';
}
