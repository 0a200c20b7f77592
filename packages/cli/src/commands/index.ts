import type { Command } from '../command.js';
import { demoCommand } from './demo.js';
import { exportCommand } from './export.js';
import { idpCommand } from './idp.js';
import { importCommand } from './import.js';
import { ipasnCommand } from './ipasn.js';
import { jpCommand } from './jp.js';
import { nipCommand } from './nip.js';
import { reconcileCommand } from './reconcile.js';
import { tubelCommand } from './tubel.js';
import { validateCommand } from './validate.js';

/** Every `bangkom` command, in the order `bangkom --help` lists them. */
export const commands: Command[] = [
  jpCommand,
  idpCommand,
  tubelCommand,
  ipasnCommand,
  exportCommand,
  importCommand,
  reconcileCommand,
  validateCommand,
  nipCommand,
  demoCommand,
];
