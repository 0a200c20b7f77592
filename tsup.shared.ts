import type { Options } from 'tsup';

/** Build shape of every published package: ESM (.mjs) + CJS (.cjs) + type declarations for both. */
export const packageBuild = (entry: string[] = ['src/index.ts']): Options => ({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  outExtension: ({ format }) => ({ js: format === 'esm' ? '.mjs' : '.cjs' }),
});
