import type { Io, OutputFormat } from './io.js';

/** Parsed command line: positional arguments and `--name value` / `--flag` options. */
export interface Invocation {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  format: OutputFormat;
}

/**
 * What `bangkom` knows about a command without loading it: its name, usage, the options it
 * accepts (`string` takes a value) and how many positional arguments at most. Listed in
 * `src/registry.ts`; the code lives in `src/commands/<name>.ts` and is imported on first use.
 */
export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean' }>;
  /** Output formats besides json and table that the command accepts (e.g. csv). */
  extraFormats?: OutputFormat[];
  /** Most positional arguments the command takes (may depend on a subcommand, the first); more is a usage error. */
  positionals: number | ((first: string | undefined) => number);
  load(): Promise<Command>;
}

/** A loaded command: its registry entry and what it does. */
export interface Command extends Omit<CommandSpec, 'load'> {
  run(invocation: Invocation, io: Io): Promise<number>;
}
