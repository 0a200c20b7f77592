import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

export default defineConfig([
  // shims: import.meta.url in the CommonJS build, for files shipped in the package (data/, package.json).
  { ...packageBuild(['src/index.ts']), shims: true },
  // The command line: ESM with code splitting, so each command is its own chunk, loaded on first use.
  {
    ...packageBuild(['src/cli.ts']),
    format: ['esm'],
    splitting: true,
    dts: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
