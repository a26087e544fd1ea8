import { memberRoleSchema, type MemberRole } from './column-schemas';
import type { Tx } from './create-db';
import { randomString } from './random-string';
import { sha256Hex } from './sha256-hex';
import { apiKeySummarySelect, toApiKeySummary, type ApiKeySummary } from './to-api-key-summary';

export type CreateApiKeyInput = {
  workspaceId: string;
  /** Shown in lists and in the audit log. */
  name: string;
  /** What a program using the key may do. */
  role: MemberRole;
  /** The user creating it (null: the operator's seed). */
  createdById: string | null;
};

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Creates a workspace API key and returns it once, in `key`: `pk_<8>_<32>` of random
 * base62 characters (apiKeySchema). Only SHA-256 of the whole key is stored (`hash`),
 * plus `prefix` (`pk_<8>`) for lists. A plain fast hash is right here, unlike for
 * passwords: the key has ~190 random bits, so no guessing attack on the hash is
 * feasible and a slow hash would only slow down every API request.
 */
export async function createApiKey(db: Tx, input: CreateApiKeyInput): Promise<{ apiKey: ApiKeySummary; key: string }> {
  const role = memberRoleSchema.parse(input.role);
  const prefix = `pk_${randomString(base62, 8)}`;
  const key = `${prefix}_${randomString(base62, 32)}`;
  const row = await db.apiKey.create({
    data: { workspaceId: input.workspaceId, name: input.name, prefix, hash: sha256Hex(key), role, createdById: input.createdById },
    select: apiKeySummarySelect,
  });
  return { apiKey: toApiKeySummary(row), key };
}
