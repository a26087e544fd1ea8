import type { Tx } from '@parley/db';
import type { Call } from '@parley/elements';
import type { Sandbox } from '@parley/sandbox';
import type { CallContext, CallResult } from './call-executor';
import { executeAnalyticsEvent } from './execute-analytics-event';
import { executeCodeRun } from './execute-code-run';
import { executeConversationTags } from './execute-conversation-tags';
import { executeCsatRecord } from './execute-csat-record';
import { executeHandoff } from './execute-handoff';
import { executeHttpRequest } from './execute-http-request';
import { executeProfileEvent } from './execute-profile-event';
import { executeProfileGet } from './execute-profile-get';
import { executeProfileTags } from './execute-profile-tags';
import { executeProfileUpsert } from './execute-profile-upsert';

/** The services some executors need, from the RunnerContext. */
export type CallServices = {
  /** Runs `code.run` scripts; without it they report `unavailable`. */
  sandbox?: Sandbox;
};

/**
 * Runs one call with its executor. The switch is exhaustive over `Call['name']`:
 * adding a call to the elements' union without an executor fails the type check.
 */
export async function executeCall(tx: Tx, ctx: CallContext, call: Call, services: CallServices = {}): Promise<CallResult> {
  switch (call.name) {
    case 'analytics.event':
      return executeAnalyticsEvent(tx, ctx, call);
    case 'handoff':
      return executeHandoff(tx, ctx, call);
    case 'conversation.tags':
      return executeConversationTags(tx, ctx, call);
    case 'csat.record':
      return executeCsatRecord(tx, ctx, call);
    case 'profile.event':
      return executeProfileEvent(tx, ctx, call);
    case 'profile.get':
      return executeProfileGet(tx, ctx, call);
    case 'profile.tags':
      return executeProfileTags(tx, ctx, call);
    case 'profile.upsert':
      return executeProfileUpsert(tx, ctx, call);
    case 'http.request':
      return executeHttpRequest(tx, ctx, call);
    case 'code.run':
      return executeCodeRun(tx, ctx, call, services.sandbox);
    default:
      return unreachable(call);
  }
}

function unreachable(call: never): never {
  throw new Error(`No executor for call ${JSON.stringify(call)}`);
}
