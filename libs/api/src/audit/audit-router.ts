import { z } from 'zod';
import { listAuditLog } from '@parley/db';
import { router } from '../trpc';
import { roleProcedure } from '../workspace-procedure';

/** The workspace's audit log, newest first, 50 at a time (owners only). */
export const auditRouter = router({
  list: roleProcedure('owner')
    .input(z.object({ before: z.string().trim().min(1).max(200).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const page = await listAuditLog(ctx.db, { workspaceId: ctx.workspace.id, ...(input?.before ? { before: input.before } : {}), limit: 50 });
      return {
        entries: page.entries.map((entry) => ({
          id: entry.id,
          at: entry.createdAt.toISOString(),
          actor: { type: entry.actorType, id: entry.actorId, label: entry.actorLabel },
          action: entry.action,
          target: { type: entry.targetType, id: entry.targetId },
          details: entry.details,
        })),
        nextCursor: page.nextCursor,
      };
    }),
});
