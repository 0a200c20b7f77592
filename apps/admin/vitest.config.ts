import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// Each test opens a database and seeds an office; on a busy 2-core machine (all packages test at
// once) that can take well over the default 10 s.
export default mergeConfig(
  shared,
  defineConfig({ test: { hookTimeout: 120_000, testTimeout: 120_000, setupFiles: ['test/setup-password-cost.ts'] } }),
);
