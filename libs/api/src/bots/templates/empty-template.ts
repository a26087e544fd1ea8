import { starterFlow } from '../../starter-flow';
import type { BotTemplate } from './bot-template';

/** 'empty': the starter flow, one dialog that greets (what a bot gets with no template). */
export const emptyTemplate: BotTemplate = {
  id: 'empty',
  name: 'Empty bot',
  description: 'One dialog with a greeting: start from scratch.',
  flow: starterFlow,
};
