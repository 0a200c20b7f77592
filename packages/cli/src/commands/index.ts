import type { Command } from '../command.js';
import { nipCommand } from './nip.js';
import { validateCommand } from './validate.js';

/** Every `bangkom` command, in the order `bangkom --help` lists them. */
export const commands: Command[] = [validateCommand, nipCommand];
