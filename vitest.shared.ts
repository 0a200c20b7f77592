import { defineConfig } from 'vitest/config';

/** Shared test config: in-repo packages resolve to their TypeScript source, no prior build needed. */
export default defineConfig({
  resolve: { conditions: ['@bangkom/source'] },
  ssr: { resolve: { conditions: ['@bangkom/source'] } },
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
