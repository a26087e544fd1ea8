import { router } from '../trpc';
import { createBotProcedure } from './create-bot-procedure';
import { getBotProcedure } from './get-bot-procedure';
import { listBotsProcedure } from './list-bots-procedure';
import { publishBotProcedure } from './publish-bot-procedure';
import { saveDraftProcedure } from './save-draft-procedure';

/** Bots of the caller's workspace: list, create, read, save the draft, publish. */
export const botsRouter = router({
  list: listBotsProcedure,
  create: createBotProcedure,
  get: getBotProcedure,
  saveDraft: saveDraftProcedure,
  publish: publishBotProcedure,
});
