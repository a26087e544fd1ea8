import type { AttributeRef } from '../attribute-ref-schema';
import type { AttributeValue } from '../attribute-values-schema';
import { coerceAttributeValue } from '../attributes/coerce-attribute-value';
import type { ElementContext } from '../element-definition';
import type { ElementIssue } from '../element-issue-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import { fallbackAttributeRefs } from '../fallback/fallback-attribute-refs';
import { fallbackPorts } from '../fallback/fallback-ports';
import { validateFallback } from '../fallback/validate-fallback';
import { matchKeyword } from '../matching/match-keyword';
import type { ResumeEvent } from '../resume-event-schema';
import { messageVariantsRefs } from '../send-message/message-variants-refs';
import { lookupDeclaration, type ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import { fallbackOutcome, repeatOrFallback, replyWait } from './repeat-or-fallback';
import { keywordPort, type UserResponse } from './schema';

/** Waits for the next user message (with the element's timeout, if any). Sends nothing. */
export function runUserResponse(element: UserResponse, _context: ElementContext): ElementOutcome {
  return { kind: 'wait', waitFor: replyWait(element.timeoutSeconds, 0), effects: [], attributes: {} };
}

/**
 * Resumes on the user's reply or the timeout. Contract:
 * - A reply is valid when it matches a keyword (matchKeyword over the keyword texts in
 *   order, with `nlp`; the first keyword wins as matchKeyword ranks them), or always when
 *   there are no keywords; a valid reply leaves through `keyword:<id>` or 'next'.
 * - With `saveAs`, a valid reply's text is saved coerced to the attribute's declared type;
 *   when the text does not fit, the matched keyword's text is tried ("yes please" →
 *   keyword "Yes" → true for a boolean); when neither fits, the reply is invalid.
 *   An undeclared attribute (an invalid flow) receives the text as is.
 * - An invalid reply sends `repeatMessage` and waits again while repeats remain
 *   (attempt < repeat), else applies the fallback (the element's, or the bot's default).
 * - The timeout applies the fallback at once (no repeat).
 */
export function resumeUserResponse(element: UserResponse, waitFor: WaitFor, event: ResumeEvent, context: ElementContext): ElementOutcome {
  if (event.type !== 'user.message') return fallbackOutcome(element.fallback); // timeout (nothing else is awaited)
  const reply = evaluateReply(element, event.text, context);
  if (reply === undefined) {
    return repeatOrFallback(
      { repeat: element.repeat, message: element.repeatMessage, timeoutSeconds: element.timeoutSeconds, fallback: element.fallback },
      waitFor,
      context,
    );
  }
  const attributes = element.saveAs === undefined || reply.value === undefined ? {} : { [element.saveAs]: reply.value };
  return { kind: 'continue', port: reply.port, effects: [], attributes };
}

type ValidReply = { port: string; value: AttributeValue | undefined };

/** The port and the value to save for a valid reply; undefined for an invalid one. */
function evaluateReply(element: UserResponse, text: string, context: ElementContext): ValidReply | undefined {
  const keywords = element.keywords ?? [];
  let port = 'next';
  let keywordText: string | undefined;
  if (keywords.length > 0) {
    // With NLP, each keyword's synonyms (its own and those publishing added) are one group with it.
    const synonyms = keywords
      .map((keyword) => [keyword.text, ...(keyword.synonyms ?? []), ...(keyword.expandedSynonyms ?? [])])
      .filter((group) => group.length > 1);
    const match = matchKeyword(text, keywords.map((keyword) => keyword.text), { nlp: element.nlp ?? false, ...(synonyms.length > 0 ? { synonyms } : {}) });
    const keyword = match === null ? undefined : keywords[match.index];
    if (keyword === undefined) return undefined;
    port = keywordPort(keyword.id);
    keywordText = keyword.text;
  }
  if (element.saveAs === undefined) return { port, value: undefined };
  const declaration = lookupDeclaration(context.declarations, element.saveAs);
  if (declaration === undefined) return { port, value: text };
  for (const candidate of keywordText === undefined ? [text] : [text, keywordText]) {
    const coerced = coerceAttributeValue(declaration.type, candidate);
    if (coerced.ok) return { port, value: coerced.value };
  }
  return undefined;
}

/** One port per keyword (`keyword:<id>`, in order), or 'next' without keywords; plus 'fallback' for a port fallback. */
export function userResponsePorts(element: UserResponse): string[] {
  const keywords = element.keywords ?? [];
  return fallbackPorts(keywords.length === 0 ? ['next'] : keywords.map((keyword) => keywordPort(keyword.id)), element.fallback);
}

/** saveAs (a write), the repeat message's and the fallback message's placeholders. */
export function userResponseAttributeRefs(element: UserResponse): AttributeRef[] {
  const refs: AttributeRef[] = [];
  if (element.saveAs !== undefined) refs.push({ name: element.saveAs, access: 'write', path: ['saveAs'], valuePath: [], via: 'field' });
  return [...refs, ...messageVariantsRefs(element.repeatMessage, ['repeatMessage']), ...fallbackAttributeRefs(element.fallback)];
}

/** The fallback's dialog exists; a warning when repeats would be silent (no repeat message). */
export function validateUserResponse(element: UserResponse, context: ValidationContext): ElementIssue[] {
  const issues: ElementIssue[] = [...validateFallback(element.fallback, context)];
  if ((element.repeat ?? 0) > 0 && element.repeatMessage === undefined) {
    issues.push({
      field: 'repeatMessage',
      rule: 'silent-repeat',
      severity: 'warning',
      message: 'With repeats but no repeat message, the bot waits again without telling the user; add a repeat message.',
    });
  }
  return issues;
}
