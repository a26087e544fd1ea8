import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { databaseUrl, exitOnConfigError, isDevelopment, loadConfig, secretKey } from '@parley/config';
import { createAuth } from '@parley/auth';
import { createDb, demoWorkspaceSlug, getWorkspaceBySlug } from '@parley/db';
import { webOriginSchema } from './web-origin-schema';
import { seedDemoOwner } from './seed-demo-owner';

/**
 * `npm start`'s demo owner (run after scripts/seed-demo.ts): makes sure
 * demo@parley.local exists and owns the demo workspace, and prints ONE line with how
 * to sign in (scripts/start.sh shows it in its banner). Password: DEMO_OWNER_PASSWORD
 * when set; else, in development (NODE_ENV=development or test), the fixed, public
 * `parley-demo-password`; anywhere else a random one, printed once, when the user is
 * created. An existing user keeps the password it has.
 */
const developmentPassword = 'parley-demo-password';
const email = 'demo@parley.local';

const config = exitOnConfigError(() =>
  loadConfig(
    z.object({
      DATABASE_URL: databaseUrl(),
      PARLEY_SECRET_KEY: secretKey(),
      PUBLIC_URL: webOriginSchema.default('http://127.0.0.1:3000'),
      DEMO_OWNER_PASSWORD: z.string().min(10).max(128).optional(),
    }),
  ),
);
const db = createDb(config.DATABASE_URL);
try {
  const workspace = await getWorkspaceBySlug(db, demoWorkspaceSlug);
  if (!workspace) throw new Error(`no workspace "${demoWorkspaceSlug}": run scripts/seed-demo.ts first`);
  const password = config.DEMO_OWNER_PASSWORD ?? (isDevelopment(process.env) ? developmentPassword : randomBytes(12).toString('base64url'));
  const auth = createAuth({ db, secretKey: config.PARLEY_SECRET_KEY, publicUrl: config.PUBLIC_URL });
  const { created } = await seedDemoOwner({ db, auth }, { workspaceId: workspace.id, email, name: 'Demo owner', password });
  const shown = created || config.DEMO_OWNER_PASSWORD !== undefined || password === developmentPassword ? password : '(the one printed when it was created)';
  console.log(`Sign in at ${config.PUBLIC_URL} as ${email}, password ${shown}${created ? '' : ' (unless changed since)'}`);
} finally {
  await db.$disconnect();
}
