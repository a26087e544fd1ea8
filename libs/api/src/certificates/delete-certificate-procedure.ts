import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { deleteClientCertificate } from '@parley/db';
import { recordAudit } from '../access/record-audit';
import { roleProcedure } from '../workspace-procedure';

/**
 * `certificates.delete`: removes a client certificate of the workspace. API
 * elements still naming it then fail with the `certificate` error code.
 * NOT_FOUND for an id that is not in the workspace. Audited.
 */
export const deleteCertificateProcedure = roleProcedure('builder')
  .input(z.object({ id: z.string().min(1) }))
  .output(z.object({ deleted: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const deleted = await deleteClientCertificate(ctx.db, { workspaceId: ctx.workspace.id, id: input.id });
    if (!deleted) throw new TRPCError({ code: 'NOT_FOUND', message: `Certificate ${input.id} not found` });
    await recordAudit(ctx, 'certificate.deleted', { type: 'certificate', id: input.id });
    return { deleted: true };
  });
