import type { Io } from '../io.js';
import { main } from '../main.js';

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: process.cwd() };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Path of a file under the repository's examples/data. */
export const exampleData = (name: string): string => new URL(`../../../../examples/data/${name}`, import.meta.url).pathname;
