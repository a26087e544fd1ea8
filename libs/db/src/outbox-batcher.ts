import type { Db } from './create-db';
import { claimNextOutbound, claimNextOutbounds, type ClaimNextOutboundInput, type OutboundClaim } from './claim-next-outbound';
import { createGroupCommit } from './group-commit';
import { markOutboundSent, markOutboundSentMany } from './mark-outbound-sent';
import { sqlClientOf } from './sql-client';

/** The two writes of every delivery, shared by the deliveries running at the same time. */
export type OutboxBatcher = {
  /** claimNextOutbound, in one statement with the claims made meanwhile. */
  claim: (input: ClaimNextOutboundInput) => Promise<OutboundClaim>;
  /** markOutboundSent, in one statement with the marks made meanwhile; resolves once committed. */
  markSent: (id: string, providerMessageId: string | null) => Promise<void>;
};

/**
 * Group commit for deliveries, straight on the pool (sqlClientOf) (createGroupCommit: one statement of each kind in
 * flight, up to 200 items each; at low load every call is its own statement,
 * with no added wait). Ordering is unchanged: a batched claim follows
 * the same head-only rule per contact as a single one.
 */
export function createOutboxBatcher(db: Db): OutboxBatcher {
  const options = { maxBatch: 200, maxInFlight: 1 };
  const sql = sqlClientOf(db);
  const claims = createGroupCommit((inputs: ClaimNextOutboundInput[]) => claimNextOutbounds(sql, inputs), (input) => claimNextOutbound(sql, input), options);
  const marks = createGroupCommit(
    async (items: { id: string; providerMessageId: string | null }[]) => {
      await markOutboundSentMany(sql, items);
      return items.map(() => undefined);
    },
    async (item) => {
      await markOutboundSent(sql, item.id, { providerMessageId: item.providerMessageId });
    },
    options,
  );
  return { claim: claims.run, markSent: (id, providerMessageId) => marks.run({ id, providerMessageId }) };
}
