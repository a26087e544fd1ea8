import {
  defaultFallbackText,
  pickRandom,
  renderTemplate,
  type BotFallback,
  type Fallback,
  type HandoffCall,
} from '@parley/elements';
import type { Flow } from './flow-schema';
import { emitEffect, visibleAttributes, type Located, type Turn } from './turn';

/** What the engine does after a fallback's message (see applyFallback). */
export type FallbackPlan =
  | { kind: 'goto'; dialogId: string; inBot: boolean }
  | { kind: 'leave'; port: 'fallback' }
  | { kind: 'close'; reason: 'completed' | 'handoff' };

/**
 * The bot's default fallback: `settings.fallback`, else "Sorry, I didn't get that." and
 * the Default dialog (`defaultDialogId`) when the flow has one, else end.
 */
export function botFallback(flow: Flow): BotFallback {
  if (flow.settings.fallback !== undefined) return flow.settings.fallback;
  const hasDefault = flow.defaultDialogId !== undefined && flow.dialogs.some((dialog) => dialog.id === flow.defaultDialogId);
  return {
    message: { text: defaultFallbackText },
    action: hasDefault && flow.defaultDialogId !== undefined ? { type: 'dialog', dialogId: flow.defaultDialogId } : { type: 'end' },
  };
}

/**
 * Applies the element's `fallback`, or the bot's default when it has none: sends the
 * message (one of text and variations picked with deps.random, placeholders filled from
 * the element's scope, or from the bot's attributes for the default),
 * then plans the action:
 * - dialog: go to the dialog, in the element's scope (its own fallback) or in the bot
 *   (the default: `inBot`, which leaves any running component);
 * - agent: emit a `handoff` call and close as 'handoff';
 * - port: leave through the element's 'fallback' port;
 * - end: close as 'completed'.
 */
export function applyFallback(turn: Turn, at: Located, fallback: Fallback | undefined): FallbackPlan {
  const source = fallback === undefined ? 'bot' : 'element';
  const resolved: Fallback | BotFallback = fallback ?? botFallback(turn.flow);
  const message = resolved.message;
  if (message !== undefined) {
    const template = pickRandom([message.text, ...(message.variations ?? [])], turn.deps.random);
    // The bot's default is declared with the bot's attributes: render it with them, even inside a component.
    const attributes = source === 'bot' ? turn.attributes : visibleAttributes(turn);
    emitEffect(turn, { type: 'send', text: renderTemplate(template, attributes) });
  }
  const action = resolved.action;
  turn.trace.push({ kind: 'fallback-applied', elementId: at.element.id, source, action: action.type });
  switch (action.type) {
    case 'dialog':
      return { kind: 'goto', dialogId: action.dialogId, inBot: source === 'bot' };
    case 'agent': {
      const call: HandoffCall = { name: 'handoff', tags: [...(action.tags ?? [])] };
      if (action.queue !== undefined) call.queue = action.queue;
      emitEffect(turn, { type: 'call', call });
      return { kind: 'close', reason: 'handoff' };
    }
    case 'port':
      return { kind: 'leave', port: 'fallback' };
    case 'end':
      return { kind: 'close', reason: 'completed' };
  }
}
