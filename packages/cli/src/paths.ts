import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A file shipped in the package (`data/…`, `package.json`). This module sits one folder below the
 * package root both as source (`src/`) and when built (`dist/`), so one relative path serves both.
 */
export const packageFile = (relative: string): string => fileURLToPath(new URL(`../${relative}`, import.meta.url));

/** The version of the installed package. */
export const packageVersion = (): string => (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
