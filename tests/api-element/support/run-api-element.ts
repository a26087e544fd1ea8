import type { Db } from '@parley/db';
import type { AttributeDeclaration, AttributeValues, HttpRequestCall } from '@parley/elements';
import { parseFlow, step, type Command, type StepResult } from '@parley/engine';
import { executeHttpRequest, type CallContext, type CallResult } from '@parley/runner';

/** What one pass of an API element produced, both sides of the call included. */
export type ApiElementRun = {
  /** The `http.request` the element asked for. */
  call: HttpRequestCall;
  /** What the runner's executor reported for it. */
  result: CallResult;
  /** Where the element went: its 'next' port (sends "next") or its fallback (sends "fallback"). */
  took: 'next' | 'fallback';
  /** The session's attributes once the element has resumed (values as the engine stored them). */
  attributes: AttributeValues;
  /** Messages sent after the result. */
  sends: string[];
};

/**
 * Runs `element` (an API element config, id 'call') in a one-dialog flow, the way the
 * worker does: the pure engine (`step`) starts the session and emits the call, the
 * runner's `executeHttpRequest` performs it for real, and its outcome goes back into
 * `step` as the `call.result` event. 'next' leads to a message "next"; the default
 * fallback sends "fallback" and ends. `attributes` are declared (session scope) with
 * their sample values as defaults. The flow must pass validation.
 */
export async function runApiElement(
  harness: { db: Db; context: CallContext },
  element: Record<string, unknown>,
  attributes: readonly (AttributeDeclaration | { name: string; type: AttributeDeclaration['type']; defaultValue?: AttributeDeclaration['defaultValue'] })[] = [],
): Promise<ApiElementRun> {
  const parsed = parseFlow({
    version: 1,
    attributes: attributes.map((attribute) => ({ scope: 'session', ...attribute })),
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'call',
        elements: [
          { fallback: { message: { text: 'fallback' }, action: { type: 'end' } }, ...element, id: 'call', type: 'api' },
          { id: 'ok', type: 'send-message', text: 'next' },
        ],
        edges: [{ id: 'e1', from: 'call', to: 'ok' }],
      },
    ],
  });
  if (!parsed.ok) throw new Error(`invalid test flow: ${parsed.errors.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  const flow = parsed.flow;
  const deps = { now: harness.context.now, random: () => 0, sessionId: harness.context.sessionId };

  const started = step(flow, null, { type: 'user.message', messageId: 'm1', text: 'go', receivedAt: deps.now }, deps);
  const command = started.commands.find((candidate): candidate is Extract<Command, { type: 'call' }> => candidate.type === 'call');
  if (command === undefined || command.call.name !== 'http.request') throw new Error(`the element made no http.request call: ${JSON.stringify(started.outcome)}`);

  const result = await executeHttpRequest(harness.db, harness.context, command.call);
  const resumed: StepResult = step(flow, started.session, { type: 'call.result', key: command.key, ...result }, { ...deps, now: deps.now + 1 });
  const sends = resumed.commands.flatMap((sent) => (sent.type === 'send' ? [sent.text] : []));
  return {
    call: command.call,
    result,
    took: sends.includes('fallback') ? 'fallback' : 'next',
    attributes: resumed.session.attributes,
    sends,
  };
}
