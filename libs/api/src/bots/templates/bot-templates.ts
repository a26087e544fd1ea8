import { z } from 'zod';
import type { BotTemplate } from './bot-template';
import { emptyTemplate } from './empty-template';
import { faqTemplate } from './faq-template';
import { leadCaptureTemplate } from './lead-capture-template';

/** The ids `bots.create` accepts as `template`, in the order `bots.templates` lists them ('empty', the default, first). */
export const botTemplateIds = ['empty', 'faq', 'lead-capture'] as const;
export type BotTemplateId = (typeof botTemplateIds)[number];

export const botTemplateIdSchema = z.enum(botTemplateIds, { error: `Unknown template: use one of ${botTemplateIds.join(', ')}` });

/** Every bot template by id (each one's own `id` is its key: pinned by bot-templates.test.ts). */
export const botTemplates: Readonly<Record<BotTemplateId, BotTemplate>> = {
  empty: emptyTemplate,
  faq: faqTemplate,
  'lead-capture': leadCaptureTemplate,
};
