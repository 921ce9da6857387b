import { defineConfig } from 'vitest/config';

// Unit tests (npm test). Browser tests live in tests/e2e and run with vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // two cores: keep workers to two so heavy document tests do not starve each other
    maxWorkers: 2,
  },
});
