import { migrateFlow, type Flow } from '@parley/engine';
import type { SqlClient } from '@parley/db';

/**
 * Published bot versions are immutable, so a parsed flow can be cached for the
 * life of the process, keyed by version id. A running session stays on the
 * version it started with. Loads with raw SQL, so it runs on any SqlClient — a Prisma
 * client or transaction, or the pg transaction of a turn batch: a turn holding a pooled
 * connection never needs a second one (with every connection held by turns that each
 * waited for another, the pool would starve).
 */
export class FlowCache {
  private readonly flows = new Map<string, Flow>();

  constructor(private readonly maxEntries = 500) {}

  async get(db: SqlClient, botVersionId: string): Promise<Flow> {
    const cached = this.flows.get(botVersionId);
    if (cached) return cached;
    const [version] = await db.$queryRaw<{ flow: unknown }[]>`SELECT "flow" FROM "BotVersion" WHERE "id" = ${botVersionId}`;
    if (!version) throw new Error(`Bot version ${botVersionId} not found`);
    const flow = migrateFlow(version.flow);
    if (this.flows.size >= this.maxEntries) {
      const oldest = this.flows.keys().next().value;
      if (oldest !== undefined) this.flows.delete(oldest);
    }
    this.flows.set(botVersionId, flow);
    return flow;
  }
}
