import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Every built-in pack loaded before each test file (surfaces load only the packs that are on).
    setupFiles: ['test/setup-packs.ts'],
    testTimeout: 30_000,
  },
});
