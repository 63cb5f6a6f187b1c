import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores: two forked workers, each test file in its own process.
    pool: 'forks',
    maxWorkers: 2,
    // LibreOffice and the OOXML schema checker start slow external programs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
