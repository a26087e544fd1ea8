/** Whether `error` is a Postgres error with SQLSTATE `code` (as thrown by `pg`). */
export function isPgError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
