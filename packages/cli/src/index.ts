export type { Command, Invocation } from './command.js';
export { commands } from './commands/index.js';
export type { Io, OutputFormat } from './io.js';
export { ExitCode } from './io.js';
export { main } from './main.js';
