import type { RouterInputs } from '../../../trpc/browser-api';

/** A template bots.create accepts ('empty' | 'faq' | 'lead-capture'). */
export type BotTemplateId = NonNullable<RouterInputs['bots']['create']['template']>;

const templateIds = ['empty', 'faq', 'lead-capture'] as const satisfies readonly BotTemplateId[];
// Fails the type check when the API gains a template this list does not name.
const everyTemplateListed: [Exclude<BotTemplateId, (typeof templateIds)[number]>] extends [never] ? true : false = true;
void everyTemplateListed;

/** True for a template id bots.create accepts (bots.templates lists them as plain strings). */
export function isBotTemplateId(id: string): id is BotTemplateId {
  return templateIds.some((known) => known === id);
}
