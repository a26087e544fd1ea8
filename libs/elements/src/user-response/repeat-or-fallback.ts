import { z } from 'zod';
import type { ElementContext } from '../element-definition';
import type { ElementEffect } from '../element-effect-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import type { Fallback } from '../fallback/fallback-schema';
import type { MessageVariants } from '../send-message/message-variants-schema';
import { renderMessageVariants } from '../send-message/render-message-variants';
import type { WaitFor } from '../wait-for-schema';

/** What a reply wait keeps in `waitFor.state`: the repeats already sent (absent: 0). */
const replyWaitStateSchema = z.object({ attempt: z.number().int().min(0) });

/** The repeats already sent for this wait: 0 for the first wait or unreadable state. */
export function replyAttempt(waitFor: WaitFor): number {
  const parsed = replyWaitStateSchema.safeParse(waitFor.state);
  return parsed.success ? parsed.data.attempt : 0;
}

/**
 * The wait for a reply: with the element's timeout (the engine arms a fresh reply-timeout
 * timer for every wait), and the repeat count in `state` once a repeat was sent (the first
 * wait carries no state).
 */
export function replyWait(timeoutSeconds: number | undefined, attempt: number): WaitFor {
  return {
    kind: 'user.message',
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...(attempt === 0 ? {} : { state: { attempt } }),
  };
}

export type RepeatSettings = {
  /** Repeats allowed (0–3; absent: 0). */
  readonly repeat: number | undefined;
  /** Sent with each repeat; none: wait again silently. */
  readonly message: MessageVariants | undefined;
  readonly timeoutSeconds: number | undefined;
  /** The element's own fallback (absent: the bot's default). */
  readonly fallback: Fallback | undefined;
};

/**
 * After an invalid reply: while repeats remain (attempt < repeat), send the repeat message
 * (one variation at random, placeholders filled) and wait again with attempt + 1;
 * otherwise apply the fallback. Attributes are never written here.
 */
export function repeatOrFallback(settings: RepeatSettings, waitFor: WaitFor, context: ElementContext): ElementOutcome {
  const attempt = replyAttempt(waitFor);
  if (attempt >= (settings.repeat ?? 0)) {
    return fallbackOutcome(settings.fallback);
  }
  const effects: ElementEffect[] =
    settings.message === undefined ? [] : [{ type: 'send', text: renderMessageVariants(settings.message, context) }];
  return { kind: 'wait', waitFor: replyWait(settings.timeoutSeconds, attempt + 1), effects, attributes: {} };
}

/** Applies `fallback`, or the bot's default when the element has none. */
export function fallbackOutcome(fallback: Fallback | undefined): ElementOutcome {
  return fallback === undefined
    ? { kind: 'fallback', effects: [], attributes: {} }
    : { kind: 'fallback', fallback, effects: [], attributes: {} };
}
