// `npm start` twice: the second start must name the running instance in one line and exit 1,
// before installing or building anything, never with a stack trace or a false "ready".
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo, Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const app = join(import.meta.dirname, '..');
const root = join(app, '..', '..');
/** The first start may have to build the app (minutes on a busy 2-core machine). */
const FIRST_START_BUDGET_MS = 600_000;
const SECOND_START_BUDGET_MS = 120_000;

const listen = (server: Server, port = 0) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

const freePort = async () => {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
};

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a start script to its end. */
function runToEnd(script: string, env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bangkom-start-'));
  tempDirs.push(dir);
  return dir;
};

const startEnv = (port: number, dataDir: string): NodeJS.ProcessEnv => {
  const { ORIGIN: _origin, ...env } = process.env;
  return { ...env, PORT: String(port), HOST: '127.0.0.1', BANGKOM_DATA_DIR: dataDir, DATABASE_URL: '' };
};

function expectOneLineRefusal(result: Finished, ...mentions: string[]) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  for (const text of mentions) expect(lines[0]).toContain(text);
  expect(result.stderr).not.toMatch(/\n\s+at |npm (ERR|error)|siap \/ ready/);
}

describe('npm start while Bangkom already runs', () => {
  const dataDir = tempDir();
  let first: ChildProcess | undefined;
  let firstOutput = '';

  afterAll(async () => {
    if (first?.pid && first.exitCode === null) {
      const exited = new Promise((resolve) => first?.once('exit', resolve));
      process.kill(-first.pid, 'SIGINT');
      await exited;
    }
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  }, SECOND_START_BUDGET_MS);

  it(
    'refuses a second start on the same address or the same data folder, naming the running URL',
    async () => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/`;
      // The app's own start script (the root one only adds `npm ci` when needed), in its own
      // process group so that the group can be interrupted as Ctrl-C does.
      first = spawn(process.execPath, [join(app, 'scripts', 'start.mjs')], {
        cwd: app,
        env: startEnv(port, dataDir),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      first.stdout?.on('data', (d) => (firstOutput += d));
      first.stderr?.on('data', (d) => (firstOutput += d));
      await new Promise<void>((resolve, reject) => {
        const check = setInterval(() => {
          if (firstOutput.includes(`Bangkom siap / ready: ${url}`)) {
            clearInterval(check);
            resolve();
          } else if (first?.exitCode !== null) {
            clearInterval(check);
            reject(new Error(`the first start ended:\n${firstOutput}`));
          }
        }, 200);
      });
      expect(firstOutput).not.toContain('npm run preview');
      expect(firstOutput).not.toContain('Cannot find base config file');

      const samePlace = await runToEnd(join(root, 'scripts', 'start.mjs'), startEnv(port, dataDir));
      expectOneLineRefusal(samePlace, 'Bangkom sudah berjalan', 'already running', url);

      const sameData = await runToEnd(join(root, 'scripts', 'start.mjs'), startEnv(await freePort(), dataDir));
      expectOneLineRefusal(sameData, 'already running', url, dataDir);

      const samePort = await runToEnd(join(app, 'scripts', 'start.mjs'), startEnv(port, tempDir()));
      expectOneLineRefusal(samePort, 'already running', url);

      // Ctrl-C stops the first one and releases its data folder.
      const exited = new Promise<number | null>((resolve) => first?.once('exit', resolve));
      process.kill(-(first.pid ?? 0), 'SIGINT');
      expect(await exited).toBe(0);
      expect(existsSync(join(dataDir, 'bangkom.lock'))).toBe(false);
      expect(existsSync(join(dataDir, 'bangkom.instance.json'))).toBe(false);
    },
    FIRST_START_BUDGET_MS,
  );

  it(
    'refuses a port that another program holds, suggesting another one',
    async () => {
      const sockets = new Set<Socket>();
      const other = createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => {}); // the start script hangs up first
        socket.end('not http\r\n');
      });
      const port = await listen(other);
      try {
        const result = await runToEnd(join(root, 'scripts', 'start.mjs'), startEnv(port, tempDir()));
        expectOneLineRefusal(result, `Port ${port}`, 'in use by another program', `PORT=${port + 1}`);
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => other.close(resolve));
      }
    },
    SECOND_START_BUDGET_MS,
  );
});
