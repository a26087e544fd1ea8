import type { EditorElement, ElementType, Point } from '../../bot-editor/document/editor-flow';

type NewElements = { [T in ElementType]: (base: { id: string; position: Point }) => Extract<EditorElement, { type: T }> };

/*
 * Minimal configs for a fresh element: enumerations get their first sensible choice,
 * texts and names start empty (validateFlow marks what still needs filling). Kept in one
 * place so it can switch to shared per-type defaults from libs/elements when they exist.
 */
const newElements: NewElements = {
  'send-message': (base) => ({ ...base, type: 'send-message', text: '' }),
  'user-response': (base) => ({ ...base, type: 'user-response' }),
  'save-user-response': (base) => ({ ...base, type: 'save-user-response', saveAs: '' }),
  conditions: (base) => ({ ...base, type: 'conditions', conditions: [{ id: 'condition-1', name: 'Condition 1', rules: [] }] }),
  'close-session': (base) => ({ ...base, type: 'close-session' }),
  'to-dialog': (base) => ({ ...base, type: 'to-dialog', dialogId: '' }),
  delay: (base) => ({ ...base, type: 'delay', seconds: 3 }),
  component: (base) => ({ ...base, type: 'component', componentId: '' }),
  'component-return': (base) => ({ ...base, type: 'component-return' }),
  'conversation-tags': (base) => ({ ...base, type: 'conversation-tags', tags: [] }),
  'to-agent': (base) => ({ ...base, type: 'to-agent' }),
  'csat-survey': (base) => ({ ...base, type: 'csat-survey', scale: '1-5', question: '', fallbackMessage: '' }),
  'customer-profiles-event': (base) => ({ ...base, type: 'customer-profiles-event', contactAttribute: 'endUserDestination', contactType: 'phone', event: '' }),
  'customer-profiles-profile': (base) => ({ ...base, type: 'customer-profiles-profile', action: 'get' }),
  'customer-profiles-tags': (base) => ({ ...base, type: 'customer-profiles-tags', action: 'add', tags: [] }),
  api: (base) => ({ ...base, type: 'api', url: '' }),
  authentication: (base) => ({ ...base, type: 'authentication', url: '', saveAs: '' }),
  webhook: (base) => ({ ...base, type: 'webhook' }),
  code: (base) => ({ ...base, type: 'code', code: '' }),
};

/** A new element of `type` with id `id` at canvas position `position` (whole pixels). */
export function newElementOfType(type: ElementType, id: string, position: Point): EditorElement {
  return newElements[type]({ id, position: { x: Math.round(position.x), y: Math.round(position.y) } });
}
