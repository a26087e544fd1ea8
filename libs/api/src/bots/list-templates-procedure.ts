import { z } from 'zod';
import { roleProcedure } from '../workspace-procedure';
import { botTemplateSummarySchema } from './bot-schemas';
import { botTemplateIds, botTemplates } from './templates/bot-templates';

/** `bots.templates`: the templates a bot can be created from (`bots.create` `template`), 'empty' first. */
export const listTemplatesProcedure = roleProcedure('analyst')
  .output(z.array(botTemplateSummarySchema))
  .query(() => botTemplateIds.map((id) => ({ id, name: botTemplates[id].name, description: botTemplates[id].description })));
