import { exitOnConfigError, loadConfig, databaseUrl, secretKey } from '@parley/config';
import { createDb, seedDemo } from '@parley/db';
import { demoFlow } from '@parley/engine';
import { z } from 'zod';
import { demoOutboundUrl, demoSettings } from './demo-settings';

/** Seeds (idempotently) the demo workspace, bot and HTTP channel used by `npm start`. */
const config = exitOnConfigError(() =>
  loadConfig(z.object({ DATABASE_URL: databaseUrl(), PARLEY_SECRET_KEY: secretKey() })),
);
const db = createDb(config.DATABASE_URL);
const ids = await seedDemo(db, { flow: demoFlow, outboundUrl: demoOutboundUrl, webhookSecret: demoSettings.webhookSecret }, config.PARLEY_SECRET_KEY);
console.log(`[seed] demo workspace, bot and HTTP channel ${JSON.stringify(ids)}`);
await db.$disconnect();
