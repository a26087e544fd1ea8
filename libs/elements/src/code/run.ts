import type { AttributeRef } from '../attribute-ref-schema';
import { codeRunResultSchema, type CodeRunCall } from '../calls/code-run-call';
import type { ElementContext } from '../element-definition';
import type { ElementIssue } from '../element-issue-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import { fallbackAttributeRefs } from '../fallback/fallback-attribute-refs';
import { fallbackPorts } from '../fallback/fallback-ports';
import { validateFallback } from '../fallback/validate-fallback';
import type { ResumeEvent } from '../resume-event-schema';
import { lookupDeclaration, type ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import type { Code } from './schema';

/** Margin on top of the run's own time limit before the wait gives up on a lost result. */
const resultSlackSeconds = 30;

/**
 * The `code.run` call: the script, a snapshot of the attributes in scope (declared and
 * inbound ones that have a value) and the element's limits.
 */
export function codeRunCall(element: Code, context: ElementContext): CodeRunCall {
  const snapshot = Object.entries(context.attributes).filter(([name]) => lookupDeclaration(context.declarations, name) !== undefined);
  return {
    name: 'code.run',
    code: element.code,
    attributes: Object.fromEntries(snapshot),
    limits: { timeoutMs: element.timeoutMs, memoryMb: element.memoryMb },
  };
}

/** Runs the script in the sandbox and waits for the result. */
export function runCode(element: Code, context: ElementContext): ElementOutcome {
  return {
    kind: 'wait',
    waitFor: { kind: 'call.result', timeoutSeconds: Math.ceil(element.timeoutMs / 1000) + resultSlackSeconds },
    effects: [{ type: 'call', call: codeRunCall(element, context) }],
    attributes: {},
  };
}

/**
 * A completed run hands every attribute the script set to the engine and continues
 * through 'next': the engine writes the declared, non-inbound ones (coerced to their
 * types) and reports each other name, and each value that does not fit, as an
 * 'attribute-rejected' trace entry. A failed run (thrown error, time or memory limit), a
 * malformed result or a lost one takes the fallback and saves nothing.
 */
export function resumeCode(element: Code, _waitFor: WaitFor, event: ResumeEvent, _context: ElementContext): ElementOutcome {
  const parsed = event.type === 'call.result' && event.ok ? codeRunResultSchema.safeParse(event.result) : undefined;
  if (parsed === undefined || !parsed.success) {
    return element.fallback === undefined
      ? { kind: 'fallback', effects: [], attributes: {} }
      : { kind: 'fallback', fallback: element.fallback, effects: [], attributes: {} };
  }
  return { kind: 'continue', port: 'next', effects: [], attributes: parsed.data.attributes };
}

export function codePorts(element: Code): string[] {
  return fallbackPorts(['next'], element.fallback);
}

/** Only the fallback message's placeholders: names inside the script are checked by validate (as warnings). */
export function codeAttributeRefs(element: Code): AttributeRef[] {
  return fallbackAttributeRefs(element.fallback);
}

/** `attributeApi.get('name')` / `.set("name", …)` with a literal name (the script may build names too). */
const attributeApiCall = /\battributeApi\s*\.\s*(get|set)\s*\(\s*(['"`])([^'"`\\]*)\2/g;

/**
 * Warnings for literal attribute names in the script (`attributeApi.get('x')`,
 * `attributeApi.set('x', …)`): 'undeclared-attribute' when x is not declared (a get
 * returns undefined, a set is dropped), 'reserved-attribute' when a set targets an
 * inbound attribute (dropped). Errors only for the fallback's target.
 */
export function validateCode(element: Code, context: ValidationContext): ElementIssue[] {
  const issues: ElementIssue[] = [];
  const reported = new Set<string>();
  for (const match of element.code.matchAll(attributeApiCall)) {
    const method = match[1] ?? 'get';
    const name = match[3] ?? '';
    const key = `${method}:${name}`;
    if (reported.has(key)) continue;
    if (lookupDeclaration(context.declarations, name) === undefined) {
      reported.add(key);
      issues.push({
        field: 'code',
        rule: 'undeclared-attribute',
        severity: 'warning',
        message:
          method === 'set'
            ? `attributeApi.set('${name}', …): "${name}" is not declared, so the value will not be saved.`
            : `attributeApi.get('${name}'): "${name}" is not declared, so it is always undefined.`,
      });
    } else if (method === 'set' && context.isInbound(name)) {
      reported.add(key);
      issues.push({
        field: 'code',
        rule: 'reserved-attribute',
        severity: 'warning',
        message: `attributeApi.set('${name}', …): "${name}" is maintained by the engine, so the value will not be saved.`,
      });
    }
  }
  return [...issues, ...validateFallback(element.fallback, context)];
}
