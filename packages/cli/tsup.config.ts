import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

export default defineConfig([
  packageBuild(['src/index.ts']),
  { ...packageBuild(['src/cli.ts']), format: ['esm'], dts: false, clean: false, banner: { js: '#!/usr/bin/env node' } },
]);
