import { router } from '../trpc';
import { createBotProcedure } from './create-bot-procedure';
import { deleteBotProcedure } from './delete-bot-procedure';
import { draftStateProcedure } from './draft-state-procedure';
import { duplicateBotProcedure } from './duplicate-bot-procedure';
import { getBotProcedure } from './get-bot-procedure';
import { getVersionProcedure } from './get-version-procedure';
import { listBotsProcedure } from './list-bots-procedure';
import { listTemplatesProcedure } from './list-templates-procedure';
import { listVersionsProcedure } from './list-versions-procedure';
import { publishBotProcedure } from './publish-bot-procedure';
import { restoreVersionProcedure } from './restore-version-procedure';
import { saveDraftProcedure } from './save-draft-procedure';
import { updateBotProcedure } from './update-bot-procedure';

/**
 * Bots of the caller's workspace: list, templates, create (from a template or an
 * imported flow), read, rename, duplicate, delete; the draft (save, poll its state);
 * versions (publish with a note, history, read one, restore one into the draft).
 */
export const botsRouter = router({
  list: listBotsProcedure,
  templates: listTemplatesProcedure,
  create: createBotProcedure,
  get: getBotProcedure,
  update: updateBotProcedure,
  duplicate: duplicateBotProcedure,
  delete: deleteBotProcedure,
  saveDraft: saveDraftProcedure,
  draftState: draftStateProcedure,
  publish: publishBotProcedure,
  versions: listVersionsProcedure,
  version: getVersionProcedure,
  restoreVersion: restoreVersionProcedure,
});
