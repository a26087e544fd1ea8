import type { FlowInput } from '@parley/engine';

/**
 * A starting point for a new bot (`bots.create` with `template`): what the template
 * list shows, and the flow the bot's first draft is. `flow` makes a fresh document on
 * every call, valid with no errors (pinned by bot-templates.test.ts).
 */
export type BotTemplate = {
  id: string;
  name: string;
  description: string;
  flow: () => FlowInput;
};
