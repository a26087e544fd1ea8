import { isPgError } from './is-pg-error';

/**
 * Whether `error` is Postgres' "deadlock detected" (SQLSTATE 40P01): the statement was
 * chosen as the victim and rolled back, so running it again is safe. From `pg` it carries
 * the code; through Prisma's raw queries only the message names it.
 */
export function isDeadlock(error: unknown): boolean {
  if (isPgError(error, '40P01')) return true;
  return error instanceof Error && (error.message.includes('40P01') || error.message.includes('deadlock detected'));
}
