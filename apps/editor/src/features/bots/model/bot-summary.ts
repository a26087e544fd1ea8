import type { RouterOutputs } from '../../../trpc/browser-api';

/** One bot as bots.list gives it (what a row of the bots table shows). */
export type BotSummary = RouterOutputs['bots']['list'][number];
