import { elementRegistry, type ElementCategory, type ElementType } from '@parley/elements';

/** One group of the element palette: a category and its element types in display order. */
export type PaletteGroup = { readonly category: ElementCategory; readonly heading: string; readonly types: readonly ElementType[] };

/**
 * Every element type once, in the spec's order (core-elements: alphabetical within
 * "Chatbot actions"; Component return, which the spec does not list, follows Component).
 * The type check below fails when an element type is added without a place here.
 */
const displayOrder = [
  'send-message',
  'user-response',
  'api',
  'authentication',
  'close-session',
  'code',
  'component',
  'component-return',
  'conditions',
  'conversation-tags',
  'csat-survey',
  'delay',
  'customer-profiles-event',
  'customer-profiles-profile',
  'customer-profiles-tags',
  'save-user-response',
  'to-agent',
  'to-dialog',
  'webhook',
] as const satisfies readonly ElementType[];

// Fails to compile when an element type is missing from displayOrder.
const everyTypeListed: Record<Exclude<ElementType, (typeof displayOrder)[number]>, never> = {};
void everyTypeListed;

const headings: Record<ElementCategory, string> = { sends: 'Sends', receives: 'Receives', actions: 'Actions' };
const categoryOrder: readonly ElementCategory[] = ['sends', 'receives', 'actions'];

/** The palette's groups (Sends, Receives, Actions) as the spec groups the elements (registry categories). */
export const paletteGroups: readonly PaletteGroup[] = categoryOrder.map((category) => ({
  category,
  heading: headings[category],
  types: displayOrder.filter((type) => elementRegistry[type].category === category),
}));
