import type { Io, OutputFormat } from './io.js';

/** Parsed command line: positional arguments and `--name value` / `--flag` options. */
export interface Invocation {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  format: OutputFormat;
}

/**
 * One `bangkom <name>` command. Each lives in `src/commands/<name>.ts` and is listed in
 * `src/commands/index.ts`; `options` declares the flags it accepts (`string` takes a value).
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean' }>;
  /** Output formats besides json and table that the command accepts (e.g. csv). */
  extraFormats?: OutputFormat[];
  run(invocation: Invocation, io: Io): Promise<number>;
}
