import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

export default defineConfig({
  ...packageBuild(),
  entry: { index: 'src/index.ts', documents: 'src/documents-entry.ts' },
  // The core entry must not load exceljs/pdfkit (optional peers): no chunk shared with the
  // documents entry, and imports of external packages that end up unused are dropped.
  splitting: false,
  treeshake: { moduleSideEffects: (_id: string, external: boolean) => !external },
});
