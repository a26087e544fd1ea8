import { Prisma } from './generated/client';
import { personContactColumn, type PersonContact } from './person-contact-schema';
import type { SqlClient } from './sql-client';
import { toJsonText } from './to-json-input';

/** A person of a workspace, by the contact that identifies them (normalized: normalizePersonContact). */
export type PersonRef = { workspaceId: string; contact: PersonContact };

/** The key of a person in listPersonAttributes' answer. */
export function personRefKey(ref: PersonRef): string {
  return `${ref.workspaceId}\u0000${personContactColumn(ref.contact.type)}\u0000${ref.contact.value}`;
}

/**
 * The stored custom attributes (Person.attributes) of many people, by personRefKey, in
 * one statement; people with no profile are absent.
 */
export async function listPersonAttributes(tx: SqlClient, refs: readonly PersonRef[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  if (refs.length === 0) return found;
  const clauses = columns.flatMap((column) => {
    const of = refs.filter((ref) => personContactColumn(ref.contact.type) === column);
    if (of.length === 0) return [];
    const pairs = Prisma.join(of.map((ref) => Prisma.sql`(${ref.workspaceId}, ${ref.contact.value})`));
    return [Prisma.sql`("workspaceId", ${Prisma.raw(`"${column}"`)}) IN (VALUES ${pairs})`];
  });
  const rows = await tx.$queryRaw<{ workspaceId: string; phone: string | null; email: string | null; externalId: string | null; attributes: unknown }[]>`
    SELECT "workspaceId", "phone", "email", "externalId", "attributes" FROM "Person" WHERE ${Prisma.join(clauses, ' OR ')}`;
  for (const row of rows) {
    const attributes = typeof row.attributes === 'object' && row.attributes !== null && !Array.isArray(row.attributes) ? Object.fromEntries(Object.entries(row.attributes)) : {};
    for (const column of columns) {
      const value = row[column];
      if (value !== null) found.set(`${row.workspaceId}\u0000${column}\u0000${value}`, attributes);
    }
  }
  return found;
}

/** Custom attribute values to merge into a person's profile (created if missing). */
export type PersonAttributesWrite = PersonRef & { attributes: Readonly<Record<string, unknown>> };

/**
 * The upserts of people's custom attributes, one INSERT ... ON CONFLICT per contact
 * column, for writeTurnBatch: a missing person is created with the contact, an existing
 * one gets the values merged key by key into Person.attributes (as upsertPerson merges
 * `attributes`). Give each person once (merge their writes first): one statement cannot
 * update a row twice.
 */
export function upsertPersonAttributesStatements(writes: readonly PersonAttributesWrite[]): Prisma.Sql[] {
  const now = new Date();
  return columns.flatMap((column) => {
    const of = writes.filter((write) => personContactColumn(write.contact.type) === column);
    if (of.length === 0) return [];
    const values = of.map(
      (write) => Prisma.sql`(gen_random_uuid()::text, ${write.workspaceId}, ${write.contact.value}, ${toJsonText(write.attributes)}::jsonb, ${now}, ${now})`,
    );
    const target = Prisma.raw(`"${column}"`);
    return [
      Prisma.sql`
        INSERT INTO "Person" ("id", "workspaceId", ${target}, "attributes", "createdAt", "updatedAt")
        VALUES ${Prisma.join(values)}
        ON CONFLICT ("workspaceId", ${target}) DO UPDATE SET "attributes" = "Person"."attributes" || EXCLUDED."attributes", "updatedAt" = EXCLUDED."updatedAt"`,
    ];
  });
}

const columns = ['phone', 'email', 'externalId'] as const;
