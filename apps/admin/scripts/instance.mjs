// One running app per address and per data folder: `npm start` checks both before it installs or
// builds anything, and says in one line where the running instance is. Node built-ins only (it
// runs before dependencies are installed).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

const app = join(import.meta.dirname, '..');

/** Where `npm start` serves and keeps its data, from the environment (same defaults as start.mjs). */
export function startSettings(env = process.env) {
  const port = env.PORT || '3000';
  const host = env.HOST || '127.0.0.1';
  return {
    port,
    host,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`,
    dataDir: env.BANGKOM_DATA_DIR || join(app, 'data'),
    postgres: Boolean(env.DATABASE_URL),
  };
}

/** Written beside the database lock once the server answers, so a second start can name its URL. */
const instanceFile = (dataDir) => join(dataDir, 'bangkom.instance.json');

export function recordInstance(dataDir, pid, url) {
  writeFileSync(instanceFile(dataDir), JSON.stringify({ pid, url }) + '\n');
}

export function forgetInstance(dataDir) {
  rmSync(instanceFile(dataDir), { force: true });
}

const isAlive = (pid) => {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return error.code === 'EPERM';
  }
};

/** The live process holding the data folder's lock (written by the server), with its URL when known. */
function lockHolder(dataDir) {
  const lock = join(dataDir, 'bangkom.lock');
  if (!existsSync(lock)) return undefined;
  const pid = Number(readFileSync(lock, 'utf8').trim());
  if (!isAlive(pid)) return undefined;
  let url;
  try {
    const recorded = JSON.parse(readFileSync(instanceFile(dataDir), 'utf8'));
    if (recorded.pid === pid) url = recorded.url;
  } catch {
    // no record: started some other way
  }
  return { pid, url };
}

const portTaken = (host, port) =>
  new Promise((resolve) => {
    const socket = connect({ host: host === '0.0.0.0' ? '127.0.0.1' : host, port: Number(port) });
    socket.setTimeout(3000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });

async function answersAsBangkom(url) {
  try {
    const response = await fetch(`${url}login`, { signal: AbortSignal.timeout(10_000) });
    return response.ok && (await response.text()).includes('Bangkom');
  } catch {
    return false;
  }
}

/**
 * Why this start must not go on, as one bilingual line, or undefined when the way is clear:
 * the data folder is locked by a live server, or the port already answers.
 */
export async function conflictingInstance(settings = startSettings()) {
  if (!settings.postgres) {
    const holder = lockHolder(settings.dataDir);
    if (holder) {
      const where = holder.url ?? settings.url;
      return (
        `Bangkom sudah berjalan di ${where} (proses ${holder.pid}, data ${settings.dataDir}); buka alamat itu atau hentikan dulu dengan Ctrl-C` +
        ` / Bangkom is already running at ${where} (process ${holder.pid}, data ${settings.dataDir}); open that address or stop it first with Ctrl-C`
      );
    }
  }
  if (await portTaken(settings.host, settings.port)) {
    if (await answersAsBangkom(settings.url)) {
      return (
        `Bangkom sudah berjalan di ${settings.url}; buka alamat itu atau hentikan dulu dengan Ctrl-C` +
        ` / Bangkom is already running at ${settings.url}; open that address or stop it first with Ctrl-C`
      );
    }
    const other = Number(settings.port) + 1;
    return (
      `Port ${settings.port} sudah dipakai program lain; pilih port lain, mis. PORT=${other} npm start` +
      ` / Port ${settings.port} is in use by another program; choose another, e.g. PORT=${other} npm start`
    );
  }
  return undefined;
}
