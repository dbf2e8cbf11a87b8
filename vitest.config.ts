import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@scribekit/source'] },
  ssr: { resolve: { conditions: ['@scribekit/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/support/fail-on-console.ts'],
    // After the summary: why each skipped test was skipped (and, with CI=true, a failure for a missing tool).
    reporters: ['default', './test/support/skip-reasons.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Tests must not probe EC2 instance metadata.
    env: { AWS_EC2_METADATA_DISABLED: 'true' },
  },
});
