/**
 * A minimal API host for other projects' integration tests (the editor's
 * browser test runs it as a child process, so the editor never imports server
 * code). It serves the real appRouter at `/trpc` through tRPC's Fastify
 * adapter, with the workspace taken from the `x-parley-workspace` header as in
 * apps/api, over a real database. It is not the product's API host (that is
 * apps/api): no webhooks, queues or health routes.
 *
 * Environment:
 * - DATABASE_URL (required): a migrated database.
 * - PARLEY_TEST_WORKSPACE (required): a workspace slug, created if missing.
 * - PORT: port on 127.0.0.1 (default 0: any free port).
 *
 * When listening it prints one line to stdout: `{"url":"http://127.0.0.1:<port>"}`.
 * SIGTERM or SIGINT closes the server and the database pool, then exits 0.
 */
import { randomBytes } from 'node:crypto';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify from 'fastify';
import { z } from 'zod';
import { createDb, createWorkspace, getWorkspaceBySlug } from '@parley/db';
import { appRouter, type AppRouter } from '../app-router';
import { createContext, workspaceHeader } from '../create-context';

const envSchema = z.object({
  DATABASE_URL: z.string().min(1),
  PARLEY_TEST_WORKSPACE: z.string().min(1),
  PORT: z.coerce.number().int().min(0).max(65_535).default(0),
});

const env = envSchema.parse(process.env);
const db = createDb(env.DATABASE_URL, { maxConnections: 4 });
const secretKey = randomBytes(32).toString('hex');

if (!(await getWorkspaceBySlug(db, env.PARLEY_TEST_WORKSPACE))) {
  await createWorkspace(db, { name: env.PARLEY_TEST_WORKSPACE, slug: env.PARLEY_TEST_WORKSPACE });
}

// Batched calls put every procedure name in the URL path.
const app = Fastify({ logger: false, routerOptions: { maxParamLength: 5_000 } });
await app.register(fastifyTRPCPlugin, {
  prefix: '/trpc',
  trpcOptions: {
    router: appRouter,
    createContext: ({ req }) => {
      const slug = req.headers[workspaceHeader];
      return createContext({ db, secretKey, workspaceSlug: typeof slug === 'string' ? slug : null });
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
});
await app.listen({ host: '127.0.0.1', port: env.PORT });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('Expected a TCP address');
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}` })}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await app.close();
  await db.$disconnect();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
