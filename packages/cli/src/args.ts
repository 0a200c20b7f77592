import type { Problem } from '@bangkom/domain';
import type { Invocation } from './command.js';

/** The n-th positional argument, or a Problem naming what is missing. */
export function requirePositional(inv: Invocation, index: number, what: string, usage: string): string | Problem {
  const value = inv.positionals[index];
  if (value !== undefined) return value;
  return {
    path: [],
    code: 'cli.missing_argument',
    message: { id: `${what} belum diberikan. Penggunaan: ${usage}`, en: `Missing ${what}. Usage: ${usage}` },
  };
}

export const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null && 'code' in v && 'message' in v;

/** A string option, or undefined (boolean misuse reads as absent). */
export const stringOption = (inv: Invocation, name: string): string | undefined => {
  const v = inv.options[name];
  return typeof v === 'string' ? v : undefined;
};
