import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey } from '@parley/db';
import { idSchema, roleInputSchema } from '../access/access-schemas';
import { recordAudit } from '../access/record-audit';
import { router } from '../trpc';
import { roleProcedure } from '../workspace-procedure';

/**
 * Workspace API keys for programs and CI (owners only). A key is shown once, at
 * creation; only its hash is stored. It acts with the role it was given, sent as
 * `Authorization: Bearer <key>`; revoking it takes effect on its next call. Creation
 * and revocation are audited.
 */
export const apiKeysRouter = router({
  list: roleProcedure('owner').query(async ({ ctx }) => {
    const keys = await listApiKeys(ctx.db, ctx.workspace.id);
    return keys.map((key) => ({
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      role: key.role,
      createdAt: key.createdAt.toISOString(),
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
    }));
  }),

  create: roleProcedure('owner')
    .input(z.object({ name: z.string().trim().min(1, { error: 'must not be empty' }).max(80), role: roleInputSchema }))
    .mutation(async ({ ctx, input }) => {
      const { apiKey, key } = await createApiKey(ctx.db, {
        workspaceId: ctx.workspace.id,
        name: input.name,
        role: input.role,
        createdById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
      });
      await recordAudit(ctx, 'api-key.created', { type: 'api-key', id: apiKey.id }, { name: input.name, role: input.role, prefix: apiKey.prefix });
      return { id: apiKey.id, prefix: apiKey.prefix, key };
    }),

  revoke: roleProcedure('owner')
    .input(z.object({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      if (!(await revokeApiKey(ctx.db, { workspaceId: ctx.workspace.id, apiKeyId: input.id }))) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `No active API key ${input.id} in this workspace` });
      }
      await recordAudit(ctx, 'api-key.revoked', { type: 'api-key', id: input.id });
      return { revoked: true };
    }),
});
