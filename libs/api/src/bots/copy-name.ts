import { botNameSchema } from './bot-schemas';

/** Longest bot name (botNameSchema's limit). */
const maxNameLength = 100;

/** The default name of a bot's copy: "Copy of <name>", cut to the 100 characters a name may have (and trimmed again). */
export function copyName(name: string): string {
  return botNameSchema.parse(`Copy of ${name}`.slice(0, maxNameLength));
}
