import { bindElement, conditionPort, defaultPort, elementSchema, elsePort, keywordPort, type Fallback } from '@parley/elements';
import type { EditorElement } from '../../bot-editor/document/editor-flow';

type FallbackInput = { readonly action: { readonly type: Fallback['action']['type'] } } | undefined;

function withFallback(ports: readonly string[], fallback: FallbackInput): string[] {
  return fallback?.action.type === 'port' ? [...ports, 'fallback'] : [...ports];
}

/*
 * The same ports as elementRegistry[type].ports(), read from the config as written.
 * Used only while the element does not pass its schema yet (a new element with an empty
 * text ...), so the canvas shows its handles all the same.
 */
function portsAsWritten(element: EditorElement): string[] {
  switch (element.type) {
    case 'user-response': {
      const keywords = element.keywords ?? [];
      return withFallback(keywords.length === 0 ? [defaultPort] : keywords.map((keyword) => keywordPort(keyword.id)), element.fallback);
    }
    case 'conditions':
      return [...element.conditions.map((condition) => conditionPort(condition.id)), elsePort];
    case 'api':
    case 'authentication':
    case 'code':
    case 'save-user-response':
      return withFallback([defaultPort], element.fallback);
    case 'close-session':
    case 'component-return':
    case 'to-agent':
    case 'to-dialog':
      return [];
    default:
      return [defaultPort];
  }
}

/**
 * The output ports of an element, in the order its definition lists them: the registry's
 * answer when the element passes its schema, else the same rule applied to the config as
 * written. Never throws.
 */
export function elementPorts(element: EditorElement): readonly string[] {
  const parsed = elementSchema.safeParse(element);
  return parsed.success ? bindElement(parsed.data).ports() : portsAsWritten(element);
}
