/** Upgrades a document of version n to n + 1 (plain JSON in, plain JSON out). */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * Applies `migrations[v]` while the document's `versionField` is a known older version
 * v < current. Anything else (current, future, missing or non-numeric version, non-objects)
 * is returned unchanged for the schema to judge. Pure; never throws unless a migration does.
 */
export function migrateForward(
  document: unknown,
  versionField: string,
  current: number,
  migrations: Readonly<Record<number, Migration>>,
): unknown {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return document;
  let migrated: Record<string, unknown> = { ...document };
  for (;;) {
    const version = migrated[versionField];
    if (typeof version !== 'number' || version >= current) return migrated;
    const migration = migrations[version];
    if (migration === undefined) return migrated;
    migrated = migration(migrated);
  }
}
