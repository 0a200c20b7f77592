import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';
import { paraglideOptions } from './scripts/paraglide-options.mjs';

// Each test opens a database and seeds an office; on a busy 2-core machine (all packages test at
// once) that can take well over the default 10 s.
// Server code uses the compiled messages: they are compiled before the tests run.
export default mergeConfig(
  shared,
  defineConfig({
    plugins: [paraglideVitePlugin(paraglideOptions)],
    test: { hookTimeout: 120_000, testTimeout: 120_000, setupFiles: ['test/setup-password-cost.ts', 'test/setup-signing-secret.ts'] },
  }),
);
