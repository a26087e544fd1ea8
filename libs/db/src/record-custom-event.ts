import type { Tx } from './create-db';
import type { CustomEvent } from './generated/client';
import { toJsonInput } from './to-json-input';

export type RecordCustomEventInput = {
  workspaceId: string;
  personId: string;
  /** The event's name as defined in Customer Profiles, e.g. 'order_tracked'. */
  name: string;
  /** Event properties (a JSON object). */
  properties: Readonly<Record<string, unknown>>;
  /** When it happened; default: now (database clock). */
  occurredAt?: Date;
};

/** Appends one custom event to a person's timeline. */
export async function recordCustomEvent(tx: Tx, input: RecordCustomEventInput): Promise<CustomEvent> {
  return tx.customEvent.create({
    data: {
      workspaceId: input.workspaceId,
      personId: input.personId,
      name: input.name,
      properties: toJsonInput(input.properties),
      ...(input.occurredAt === undefined ? {} : { occurredAt: input.occurredAt }),
    },
  });
}
