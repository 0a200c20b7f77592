import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';
import { paraglideOptions } from './scripts/paraglide-options.mjs';

// The in-repo packages are used from their TypeScript source (condition `@bangkom/source`) and
// bundled into the server, so the app needs no separate package build.
export default defineConfig({
  // Messages (messages/*.json) are compiled before the app is (dev, build).
  plugins: [paraglideVitePlugin(paraglideOptions), sveltekit()],
  resolve: { conditions: ['@bangkom/source', ...defaultClientConditions] },
  ssr: {
    noExternal: [/^@bangkom\//],
    resolve: { conditions: ['@bangkom/source', ...defaultServerConditions], externalConditions: ['node'] },
  },
  server: { host: '127.0.0.1' },
});
