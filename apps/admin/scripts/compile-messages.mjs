// Compiles messages/{id,en}.json into src/lib/generated/paraglide (not committed). The Vite plugin
// does the same for `vite dev`, `vite build` and vitest; this script is for svelte-check.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.mjs';

await compile(paraglideOptions);
