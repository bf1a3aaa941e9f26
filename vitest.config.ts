import { defineConfig } from 'vitest/config';

// Unit + integration tests. `npm test` runs them twice: on embedded PGlite (JINZAI_TEST_DB=pglite,
// the default here) and, for src/server, on a throwaway PostgreSQL (JINZAI_TEST_DB=postgres plus
// DATABASE_URL). Browser tests have their own config: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.git/**', 'e2e/**', 'dist/**', '.tmp/**'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    // Creating a PGlite database takes seconds; migrating it in a beforeAll takes more.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    env: {
      JINZAI_TEST_DB: process.env.JINZAI_TEST_DB ?? 'pglite',
    },
  },
});
