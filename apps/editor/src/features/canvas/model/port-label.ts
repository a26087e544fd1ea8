import { conditionPort, defaultPort, elsePort, keywordPort } from '@parley/elements';
import type { EditorElement } from '../../bot-editor/document/editor-flow';

/** What leaving through 'next' means for an element that also has other ports. */
function nextLabel(element: EditorElement): string {
  switch (element.type) {
    case 'api':
    case 'authentication':
    case 'code':
    case 'webhook':
      return 'Success';
    case 'user-response':
      return 'Any reply';
    case 'save-user-response':
      return 'Saved';
    default:
      return 'Next';
  }
}

const fixedLabels: Readonly<Record<string, string>> = {
  [elsePort]: 'Else',
  fallback: 'Fallback',
  timeout: 'Timeout',
  success: 'Success',
  failure: 'Failure',
};

/**
 * The label shown beside an output port on the canvas: a keyword's text, a condition's
 * name, 'Else', 'Fallback' ... A port the config no longer has (an edge left behind)
 * gets its raw id, so the person can see which one it was.
 */
export function portLabel(element: EditorElement, port: string): string {
  if (port === defaultPort) return nextLabel(element);
  if (element.type === 'user-response') {
    const keyword = element.keywords?.find((candidate) => keywordPort(candidate.id) === port);
    if (keyword) return keyword.text.trim() || 'Keyword (empty)';
  }
  if (element.type === 'conditions') {
    const condition = element.conditions.find((candidate) => conditionPort(candidate.id) === port);
    if (condition) return condition.name.trim() || 'Condition (unnamed)';
  }
  const fixed = fixedLabels[port];
  if (fixed) return fixed;
  return port;
}
