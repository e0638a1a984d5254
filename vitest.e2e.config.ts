import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real Chromium; they run one file at a time.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
