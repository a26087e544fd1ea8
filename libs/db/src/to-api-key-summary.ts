import { memberRoleSchema, type MemberRole } from './column-schemas';
import type { ApiKey, Prisma } from './generated/client';

/** An API key as lists show it: never the key, never its hash. `prefix` tells keys apart. */
export type ApiKeySummary = {
  id: string;
  name: string;
  /** `pk_` and the key's first 8 random characters. */
  prefix: string;
  role: MemberRole;
  createdById: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The columns an ApiKeySummary is made of (a Prisma `select`). */
export const apiKeySummarySelect = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  createdById: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} satisfies Prisma.ApiKeySelect;

/** The summary of a row read with apiKeySummarySelect; the role is checked. */
export function toApiKeySummary(row: Pick<ApiKey, keyof typeof apiKeySummarySelect>): ApiKeySummary {
  return { ...row, role: memberRoleSchema.parse(row.role) };
}
