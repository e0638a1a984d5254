import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/official/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
