import { defineConfig } from 'vitest/config';

/** Shared test config: in-repo packages resolve to their TypeScript source, no prior build needed. */
export default defineConfig({
  resolve: { conditions: ['@bangkom/source'] },
  ssr: { resolve: { conditions: ['@bangkom/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // CI and most contributors run the whole suite on 2 busy cores: vitest's 5 s default fails
    // there on time, not on assertions. Heavy tests (properties, documents) set 60 s themselves.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
