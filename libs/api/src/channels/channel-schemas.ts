import { z } from 'zod';

export const channelNameSchema = z.string().trim().min(1, 'Name is required').max(100, 'Name is at most 100 characters');

/**
 * `channels.create` result. `secret` is shown once, to an owner (recorded in the audit
 * entry of the creation); a builder gets null and asks an owner to reveal it
 * (`channels.revealSecret`, audited). Only its sealed form is stored.
 */
export const createdChannelSchema = z.object({
  id: z.string(),
  /** Path on the API host that receives this channel's signed messages. */
  webhookPath: z.string(),
  /** Standard Webhooks signing secret (`whsec_…`), for both directions; null for a caller who is not an owner. */
  secret: z.string().nullable(),
});
export type CreatedChannel = z.infer<typeof createdChannelSchema>;
