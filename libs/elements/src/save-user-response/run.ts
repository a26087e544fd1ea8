import type { AttributeRef } from '../attribute-ref-schema';
import type { AttributeValue } from '../attribute-values-schema';
import { coerceAttributeValue } from '../attributes/coerce-attribute-value';
import type { ElementContext } from '../element-definition';
import type { ElementEffect } from '../element-effect-schema';
import type { ElementIssue } from '../element-issue-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import { fallbackAttributeRefs } from '../fallback/fallback-attribute-refs';
import { fallbackPorts } from '../fallback/fallback-ports';
import { validateFallback } from '../fallback/validate-fallback';
import { validateInput } from '../matching/validate-input';
import type { ResumeEvent } from '../resume-event-schema';
import { messageVariantsRefs } from '../send-message/message-variants-refs';
import { renderMessageVariants } from '../send-message/render-message-variants';
import { fallbackOutcome, repeatOrFallback, replyWait } from '../user-response/repeat-or-fallback';
import { lookupDeclaration, type ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import type { SaveUserResponse } from './schema';

/**
 * With `skipIfCollected` and a value already in `saveAs` (see isCollected), leaves through
 * 'next' at once, sending nothing. Otherwise sends `message` (one variation at random,
 * placeholders filled) when there is one and waits for the reply (with the timeout).
 */
export function runSaveUserResponse(element: SaveUserResponse, context: ElementContext): ElementOutcome {
  if (element.skipIfCollected === true && isCollected(valueOf(context, element.saveAs))) {
    return { kind: 'continue', port: 'next', effects: [], attributes: {} };
  }
  const effects: ElementEffect[] =
    element.message === undefined
      ? []
      : [{ type: 'send', text: renderMessageVariants(element.message, context), ...(element.linkPreview === true ? { linkPreview: true } : {}) }];
  return { kind: 'wait', waitFor: replyWait(element.timeoutSeconds, 0), effects, attributes: {} };
}

/**
 * Resumes on the reply or the timeout. Contract:
 * - A reply is valid when it is not blank, passes `validation` (validateInput: the trimmed
 *   reply must match the regex; email / phone / url are normalized, phones to E.164), and
 *   the result coerces to the declared type of `saveAs` (coerceAttributeValue: "42" → 42
 *   for a number). A valid reply is saved and leaves through 'next'.
 * - An invalid reply sends `repeatMessage` (else `message`, else nothing) and waits again
 *   while repeats remain, then applies the fallback (the element's, or the bot's default).
 * - The timeout applies the fallback at once.
 */
export function resumeSaveUserResponse(
  element: SaveUserResponse,
  waitFor: WaitFor,
  event: ResumeEvent,
  context: ElementContext,
): ElementOutcome {
  if (event.type !== 'user.message') return fallbackOutcome(element.fallback); // timeout (nothing else is awaited)
  const value = acceptReply(element, event.text, context);
  if (value === undefined) {
    return repeatOrFallback(
      {
        repeat: element.repeat,
        message: element.repeatMessage ?? element.message,
        timeoutSeconds: element.timeoutSeconds,
        fallback: element.fallback,
      },
      waitFor,
      context,
    );
  }
  return { kind: 'continue', port: 'next', effects: [], attributes: { [element.saveAs]: value } };
}

/** The value to save, or undefined when the reply is invalid (see resumeSaveUserResponse). */
function acceptReply(element: SaveUserResponse, text: string, context: ElementContext): AttributeValue | undefined {
  if (text.trim() === '') return undefined;
  let candidate = text;
  if (element.validation !== undefined) {
    const validated = validateInput(text, element.validation);
    if (!validated.ok) return undefined;
    candidate = validated.value;
  }
  const declaration = lookupDeclaration(context.declarations, element.saveAs);
  if (declaration === undefined) return candidate; // undeclared: an invalid flow; keep the text
  const coerced = coerceAttributeValue(declaration.type, candidate);
  return coerced.ok ? coerced.value : undefined;
}

function valueOf(context: ElementContext, name: string): AttributeValue | undefined {
  return Object.hasOwn(context.attributes, name) ? context.attributes[name] : undefined;
}

/** "Already collected": a value other than missing, null, blank text or an empty list. */
export function isCollected(value: AttributeValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** 'next', plus 'fallback' for a port fallback. */
export function saveUserResponsePorts(element: SaveUserResponse): string[] {
  return fallbackPorts(['next'], element.fallback);
}

/** saveAs (a write); placeholders of the message, repeat message and fallback message. */
export function saveUserResponseAttributeRefs(element: SaveUserResponse): AttributeRef[] {
  return [
    { name: element.saveAs, access: 'write', path: ['saveAs'], valuePath: [], via: 'field' },
    ...messageVariantsRefs(element.message, ['message']),
    ...messageVariantsRefs(element.repeatMessage, ['repeatMessage']),
    ...fallbackAttributeRefs(element.fallback),
  ];
}

/**
 * - The fallback's dialog exists.
 * - A predefined format (email, phone, url) saves text, so `saveAs` must be text, json or
 *   that same type; anything else could never be saved ('type-mismatch').
 * - Warning when repeats would be silent (neither message nor repeat message).
 */
export function validateSaveUserResponse(element: SaveUserResponse, context: ValidationContext): ElementIssue[] {
  const issues: ElementIssue[] = [...validateFallback(element.fallback, context)];
  const validation = element.validation;
  const declaration = lookupDeclaration(context.declarations, element.saveAs);
  if (validation !== undefined && validation.type !== 'regex' && declaration !== undefined) {
    if (declaration.type !== 'text' && declaration.type !== 'json' && declaration.type !== validation.type) {
      issues.push({
        field: 'validation.type',
        rule: 'type-mismatch',
        message: `A valid ${validation.type} can never be saved to "${element.saveAs}", a ${declaration.type} attribute; use a text or ${validation.type} attribute.`,
      });
    }
  }
  if ((element.repeat ?? 0) > 0 && element.message === undefined && element.repeatMessage === undefined) {
    issues.push({
      field: 'repeatMessage',
      rule: 'silent-repeat',
      severity: 'warning',
      message: 'With repeats but neither a message nor a repeat message, the bot waits again without telling the user; add a repeat message.',
    });
  }
  return issues;
}
