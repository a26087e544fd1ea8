import { migrateFlow, type Flow } from '@parley/engine';
import { getBotVersion, type Db, type Tx } from '@parley/db';

/**
 * Published bot versions are immutable, so a parsed flow can be cached for the
 * life of the process, keyed by version id. A running session stays on the
 * version it started with.
 */
export class FlowCache {
  private readonly flows = new Map<string, Flow>();

  constructor(private readonly maxEntries = 500) {}

  async get(db: Db | Tx, botVersionId: string): Promise<Flow> {
    const cached = this.flows.get(botVersionId);
    if (cached) return cached;
    const version = await getBotVersion(db, botVersionId);
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
