import { defineConfig } from 'vitest/config';

// Browser tests against the built site in Chromium (npm run test:e2e). The global
// setup builds dist/ once unless LIANJIAN_E2E_SKIP_BUILD=1.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
