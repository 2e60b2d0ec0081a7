import { defineConfig } from 'vitest/config';

// Integration tests share one Redis and spawn simulators; run files one at a time so
// they never compete for the two cores and timing never decides an outcome.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { LOG_LEVEL: 'silent' },
  },
});
