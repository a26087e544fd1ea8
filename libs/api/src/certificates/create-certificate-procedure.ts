import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { createClientCertificate, isUniqueConstraintError } from '@parley/db';
import { checkTlsMaterial } from '@parley/http';
import { recordAudit } from '../access/record-audit';
import { roleProcedure } from '../workspace-procedure';
import { certificateNameSchema, certificateSummarySchema, pemTextSchema } from './certificate-schemas';
import { toCertificateSummary } from './to-certificate-summary';

/**
 * The PEMs must parse (X509Certificate / createPrivateKey), the key must belong to
 * the leaf certificate and the leaf must be valid now; a failure is an input issue
 * on the field at fault (`certificate`, `key` or `ca`).
 */
export const createCertificateInputSchema = z
  .object({
    name: certificateNameSchema,
    /** PEM certificate chain, leaf first. */
    certificate: pemTextSchema,
    /** Unencrypted PEM private key of the leaf. */
    key: pemTextSchema,
    /** PEM CA bundle trusted for the servers this certificate is presented to (replaces the default roots). */
    ca: pemTextSchema.optional(),
  })
  .superRefine((input, context) => {
    const check = checkTlsMaterial(input);
    if (!check.ok) context.addIssue({ code: 'custom', path: [check.field], message: check.message });
  });

/**
 * `certificates.create`: stores a client certificate for mTLS in the workspace (key
 * sealed at rest), selectable by id in API elements. Returns its summary, never
 * the key. CONFLICT when the name is taken in the workspace. Audited.
 */
export const createCertificateProcedure = roleProcedure('builder')
  .input(createCertificateInputSchema)
  .output(certificateSummarySchema)
  .mutation(async ({ ctx, input }) => {
    try {
      const created = await createClientCertificate(
        ctx.db,
        { workspaceId: ctx.workspace.id, name: input.name, certificate: input.certificate, key: input.key, ca: input.ca },
        ctx.secretKey,
      );
      await recordAudit(ctx, 'certificate.created', { type: 'certificate', id: created.id }, { name: input.name });
      return toCertificateSummary(created);
    } catch (error) {
      if (isUniqueConstraintError(error)) {
        throw new TRPCError({ code: 'CONFLICT', message: `A certificate named "${input.name}" already exists in this workspace`, cause: error });
      }
      throw error;
    }
  });
