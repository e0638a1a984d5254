import { defineConfig } from 'vitest/config';

const jsonDir = process.env.VITEST_JSON_DIR;

export default defineConfig({
  test: {
    reporters: jsonDir ? ['default', 'json'] : ['default'],
    outputFile: jsonDir ? { json: `${jsonDir}/unit.json` } : undefined,
    include: ['test/unit/**/*.test.ts', 'test/official/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
