import type { z } from 'zod';
import { defaultContactAttribute } from './customer-profiles-profile/schema';
import type { ElementType, elementSchemas } from './registry';

/** An element of type T as written in a flow (defaulted fields may be absent), without its id and position. */
export type ElementDraft<T extends ElementType> = Omit<z.input<(typeof elementSchemas)[T]>, 'id' | 'position'>;

/**
 * The config of a newly added element, per type: a fresh object on every call (the caller
 * adds `id` and, on a canvas, `position`). Values are the spec's defaults; text a person
 * must write (a message, a URL, an attribute to save to ...) is left empty, so the new
 * element fails validation at exactly the fields still to fill in. Fields whose schema
 * default is the spec's default (API timeout 10 s, Code limits ...) are left out.
 */
export const elementDefaults: { readonly [T in ElementType]: () => ElementDraft<T> } = {
  'send-message': () => ({ type: 'send-message', text: '' }),
  'user-response': () => ({ type: 'user-response' }),
  'save-user-response': () => ({ type: 'save-user-response', message: { text: '' }, saveAs: '' }),
  conditions: () => ({
    type: 'conditions',
    conditions: [{ id: 'condition-1', name: 'Condition 1', rules: [{ attribute: '', operator: 'equal', value: '' }] }],
  }),
  'close-session': () => ({ type: 'close-session' }),
  'to-dialog': () => ({ type: 'to-dialog', dialogId: '' }),
  delay: () => ({ type: 'delay', seconds: 1 }),
  component: () => ({ type: 'component', componentId: '' }),
  'component-return': () => ({ type: 'component-return' }),
  'conversation-tags': () => ({ type: 'conversation-tags', tags: [] }),
  'to-agent': () => ({ type: 'to-agent' }),
  'csat-survey': () => ({ type: 'csat-survey', scale: '1-5', question: '', repeat: 1, fallbackMessage: '' }),
  'customer-profiles-event': () => ({ type: 'customer-profiles-event', contactAttribute: '', contactType: 'phone', event: '' }),
  'customer-profiles-profile': () => ({ type: 'customer-profiles-profile', action: 'get', contactAttribute: defaultContactAttribute }),
  'customer-profiles-tags': () => ({ type: 'customer-profiles-tags', action: 'add', contactAttribute: defaultContactAttribute, tags: [] }),
  api: () => ({ type: 'api', method: 'GET', url: '', contentType: 'none', headers: [] }),
  authentication: () => ({ type: 'authentication', url: '', method: 'POST', saveAs: '' }),
  webhook: () => ({ type: 'webhook', urlType: 'static', url: '', method: 'POST' }),
  code: () => ({ type: 'code', code: '' }),
};

/** A new element of `type` with id `id` (its defaults from elementDefaults). */
export function defaultElement<T extends ElementType>(type: T, id: string): ElementDraft<T> & { id: string } {
  return { ...elementDefaults[type](), id };
}
