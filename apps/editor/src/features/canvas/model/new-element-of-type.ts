import { elementDefaults } from '@parley/elements';
import type { EditorElement, ElementType, Point } from '../../bot-editor/document/editor-flow';

type NewElements = { [T in ElementType]: (base: { id: string; position: Point }) => Extract<EditorElement, { type: T }> };

/*
 * A fresh element is its type's elementDefaults (libs/elements: the spec's defaults, texts
 * a person must write left empty so validateFlow marks them) plus its id and position.
 * One entry per type keeps each result typed as that type's element.
 */
const newElements: NewElements = {
  'send-message': (base) => ({ ...elementDefaults['send-message'](), ...base }),
  'user-response': (base) => ({ ...elementDefaults['user-response'](), ...base }),
  'save-user-response': (base) => ({ ...elementDefaults['save-user-response'](), ...base }),
  conditions: (base) => ({ ...elementDefaults.conditions(), ...base }),
  'close-session': (base) => ({ ...elementDefaults['close-session'](), ...base }),
  'to-dialog': (base) => ({ ...elementDefaults['to-dialog'](), ...base }),
  delay: (base) => ({ ...elementDefaults.delay(), ...base }),
  component: (base) => ({ ...elementDefaults.component(), ...base }),
  'component-return': (base) => ({ ...elementDefaults['component-return'](), ...base }),
  'conversation-tags': (base) => ({ ...elementDefaults['conversation-tags'](), ...base }),
  'to-agent': (base) => ({ ...elementDefaults['to-agent'](), ...base }),
  'csat-survey': (base) => ({ ...elementDefaults['csat-survey'](), ...base }),
  'customer-profiles-event': (base) => ({ ...elementDefaults['customer-profiles-event'](), ...base }),
  'customer-profiles-profile': (base) => ({ ...elementDefaults['customer-profiles-profile'](), ...base }),
  'customer-profiles-tags': (base) => ({ ...elementDefaults['customer-profiles-tags'](), ...base }),
  api: (base) => ({ ...elementDefaults.api(), ...base }),
  authentication: (base) => ({ ...elementDefaults.authentication(), ...base }),
  webhook: (base) => ({ ...elementDefaults.webhook(), ...base }),
  code: (base) => ({ ...elementDefaults.code(), ...base }),
};

/** A new element of `type` with id `id` at canvas position `position` (whole pixels). */
export function newElementOfType(type: ElementType, id: string, position: Point): EditorElement {
  return newElements[type]({ id, position: { x: Math.round(position.x), y: Math.round(position.y) } });
}
