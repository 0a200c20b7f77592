export type { Command, CommandSpec, Invocation } from './command.js';
export type { Io, OutputFormat } from './io.js';
export { ExitCode } from './io.js';
export { main } from './main.js';
export { commands } from './registry.js';
