import { z } from 'zod';

/**
 * A TCP port to listen on: decimal digits, 0–65535, parsed to a number.
 * 0 asks the OS for a free port (useful in tests).
 */
export function port(defaultPort: number) {
  return z
    .string()
    .regex(/^\d{1,5}$/, { error: 'must be an integer from 0 to 65535' })
    .transform(Number)
    .refine((value) => value <= 65_535, { error: 'must be an integer from 0 to 65535' })
    .default(defaultPort);
}
