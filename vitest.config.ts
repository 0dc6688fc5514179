import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds main/ (host processes run compiled JS) and the console once before any test.
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // e2e and integration tests start processes and browsers; 2 cores here.
    maxWorkers: 2,
  },
});
