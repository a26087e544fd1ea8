import { exitOnConfigError, loadConfig, databaseUrl } from '@parley/config';
import { ensureDatabase, migrate } from '@parley/db';
import { z } from 'zod';

/** Creates the configured database if missing and applies pending migrations. */
const config = exitOnConfigError(() => loadConfig(z.object({ DATABASE_URL: databaseUrl() })));
await ensureDatabase(config.DATABASE_URL);
const { applied } = await migrate(config.DATABASE_URL);
console.log(applied.length ? `[db] applied ${applied.join(', ')}` : '[db] schema is up to date');
