import type { Tx } from './create-db';
import type { Person } from './generated/client';

/**
 * Reads person `id` with a row lock (SELECT ... FOR UPDATE) held until the transaction
 * ends, so read-modify-write updates (tags, attribute merges) from concurrent turns of
 * other contacts never lose each other's changes. Null when there is no such person.
 * Pass a transaction: on a plain `Db` the lock ends with the statement.
 */
export async function lockPerson(tx: Tx, id: string): Promise<Person | null> {
  await tx.$queryRaw`SELECT "id" FROM "Person" WHERE "id" = ${id} FOR UPDATE`;
  return tx.person.findUnique({ where: { id } });
}
