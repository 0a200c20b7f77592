// A freshly created PostgreSQL database for one test (or one browser-test run), dropped afterwards.
// Server: TEST_DATABASE_URL, else the development machines' local server (127.0.0.1:5432, user postgres).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** @returns {Promise<{ url: string, drop: () => Promise<void> }>} */
export async function createFreshDatabase(prefix = 'bangkom_test') {
  const admin = postgres(TEST_SERVER_URL, { max: 1, onnotice: () => {} });
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
