import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/server/db/schema and run unchanged on PGlite and PostgreSQL (ADR 0002).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema',
  out: './src/server/db/migrations',
});
