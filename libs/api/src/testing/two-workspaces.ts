import { randomBytes, randomUUID } from 'node:crypto';
import { createDb, createWorkspace, type Db } from '@parley/db';
import { afterAll, beforeAll, inject } from 'vitest';
import { createCaller } from '../create-caller';
import { memberContext } from './member-context';

export type TwoWorkspaces = {
  /** The test database (set once the file's beforeAll ran). */
  db: Db;
  slug: string;
  otherSlug: string;
  /** A caller signed in as an owner of the workspace with `slug`. */
  callerFor: (slug: string) => Promise<ReturnType<typeof createCaller>>;
};

/**
 * For a router test file: the test database and two workspaces, `name` and "Other"
 * (unique slugs starting with `slugPrefix`), created before the file's tests and the
 * connection closed after them (registers its own beforeAll / afterAll).
 */
export function twoWorkspaces(name: string, slugPrefix: string): TwoWorkspaces {
  const secretKey = randomBytes(32).toString('hex');
  const suffix = randomUUID().slice(0, 8);
  const slug = `${slugPrefix}-${suffix}`;
  const otherSlug = `${slugPrefix}-other-${suffix}`;
  let opened: Db | undefined;
  const db = (): Db => {
    if (!opened) throw new Error('twoWorkspaces: the database opens in the test file\'s beforeAll');
    return opened;
  };
  beforeAll(async () => {
    opened = createDb(inject('databaseUrl'), { maxConnections: 4 });
    await createWorkspace(opened, { name, slug });
    await createWorkspace(opened, { name: 'Other', slug: otherSlug });
  });
  afterAll(async () => {
    await opened?.$disconnect();
  });
  return {
    get db() {
      return db();
    },
    slug,
    otherSlug,
    callerFor: async (workspaceSlug) => createCaller(await memberContext(db(), secretKey, workspaceSlug)),
  };
}
