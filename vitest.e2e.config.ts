import { defineConfig } from 'vitest/config';

// Browser end-to-end tests against the real app (started once by e2e/support/server.ts, which
// provides `baseUrl`), driven through Debian's /usr/bin/chromium by e2e/support/browser.ts.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    exclude: ['**/node_modules/**', '**/.git/**', 'dist/**', '.tmp/**'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    globalSetup: ['e2e/support/server.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
