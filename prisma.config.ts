import { defineConfig } from 'prisma/config';

/**
 * Prisma CLI configuration (Prisma 7 reads the connection URL from here, not
 * from schema.prisma). DATABASE_URL falls back to the local development
 * database so `prisma generate` works without any environment set.
 */
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
  },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/parley',
  },
});
