import type { Tx } from './create-db';
import type { BotVersion } from './generated/client';

/** A published version by id, or null. Versions never change, so callers may cache the result. */
export async function getBotVersion(db: Tx, id: string): Promise<BotVersion | null> {
  return db.botVersion.findUnique({ where: { id } });
}
