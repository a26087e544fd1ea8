import { z } from 'zod';

const pemSchema = z.string().trim().min(1).max(200_000);

/**
 * TLS settings of one request:
 * - `ca`: PEM certificate(s) trusted to sign the server's certificate. When
 *   present they REPLACE Node's default roots for this request (a private CA
 *   pins the server); absent = Node's default roots.
 * - `certificate` + `key`: the client certificate (PEM chain, leaf first) and
 *   its unencrypted PEM private key, presented for mutual TLS. Both or neither.
 * The server's certificate is always verified; there is no way to turn that off.
 */
export const httpTlsSchema = z
  .object({
    ca: pemSchema.optional(),
    certificate: pemSchema.optional(),
    key: pemSchema.optional(),
  })
  .refine((tls) => (tls.certificate === undefined) === (tls.key === undefined), {
    error: 'certificate and key: give both or neither',
    path: ['key'],
  });
export type HttpTls = z.input<typeof httpTlsSchema>;
export type ResolvedHttpTls = z.output<typeof httpTlsSchema>;
