import { join } from 'node:path';

const app = join(import.meta.dirname, '..');

/**
 * How the messages are compiled, shared by vite.config.ts, vitest.config.ts and
 * scripts/compile-messages.mjs. `locale-modules` writes one module per language
 * (messages/id.js, messages/en.js), so a page loads only its user's language (see $lib/i18n).
 * @type {import('@inlang/paraglide-js').CompilerOptions}
 */
export const paraglideOptions = {
  project: join(app, 'project.inlang'),
  outdir: join(app, 'src/lib/generated/paraglide'),
  outputStructure: 'locale-modules',
  emitReadme: false,
  emitPrettierIgnore: false,
};
