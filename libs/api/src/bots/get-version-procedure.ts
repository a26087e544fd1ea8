import { z } from 'zod';
import { findUserNames } from '@parley/db';
import { roleProcedure } from '../workspace-procedure';
import { botIdSchema, botVersionDetailSchema, versionNumberSchema } from './bot-schemas';
import { findBotVersion } from './find-bot-version';
import { findWorkspaceBot } from './find-workspace-bot';
import { versionFlow } from './version-flow';

export const getVersionInputSchema = z.object({ id: botIdSchema, number: versionNumberSchema });

/**
 * `bots.version`: one published version with its flow as its author wrote it (see
 * versionFlow), e.g. to compare with the draft before restoring it. NOT_FOUND for a bot
 * of another workspace or a number the bot never published.
 */
export const getVersionProcedure = roleProcedure('analyst')
  .input(getVersionInputSchema)
  .output(botVersionDetailSchema)
  .query(async ({ ctx, input }) => {
    const bot = await findWorkspaceBot(ctx.db, ctx.workspace, input.id);
    const version = await findBotVersion(ctx.db, bot, input.number);
    const publisher = version.publishedBy;
    const name = publisher === null ? undefined : (await findUserNames(ctx.db, [publisher])).get(publisher);
    return {
      number: version.number,
      publishedAt: version.publishedAt.toISOString(),
      note: version.note,
      publishedBy: publisher !== null && name !== undefined ? { id: publisher, name } : null,
      flow: versionFlow(version),
    };
  });
