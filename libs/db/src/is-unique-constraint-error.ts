import { Prisma } from './generated/client';

/**
 * Whether `error` is Prisma's unique-constraint violation (P2002), e.g. a taken
 * workspace slug or a second active session for a contact. Lets callers map it
 * to a user-facing answer without importing the generated client.
 */
export function isUniqueConstraintError(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
