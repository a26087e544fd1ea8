import { z } from 'zod';
import { listClientCertificates } from '@parley/db';
import { roleProcedure } from '../workspace-procedure';
import { certificateSummarySchema } from './certificate-schemas';
import { toCertificateSummary } from './to-certificate-summary';

/** `certificates.list`: the workspace's client certificates by name, without keys. */
export const listCertificatesProcedure = roleProcedure('builder')
  .output(z.array(certificateSummarySchema))
  .query(async ({ ctx }) => (await listClientCertificates(ctx.db, ctx.workspace.id)).map(toCertificateSummary));
