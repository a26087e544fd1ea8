import { z } from 'zod';

export const certificateNameSchema = z.string().trim().min(1, 'Name is required').max(100, 'Name is at most 100 characters');

/** PEM text as pasted: bounded, whitespace around it ignored. */
export const pemTextSchema = z.string().trim().min(1, 'PEM text is required').max(100_000, 'At most 100 000 characters');

/**
 * A workspace client certificate as the API shows it: never the key. The
 * subject/issuer/validity/fingerprint are read from the leaf certificate.
 */
export const certificateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.date(),
  validTo: z.date(),
  fingerprint256: z.string(),
  /** A CA bundle is stored to verify the servers this certificate is presented to. */
  hasCa: z.boolean(),
  createdAt: z.date(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;
