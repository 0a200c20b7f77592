import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../src/lib/server/db/index.js';
import { openDatabase } from '../src/lib/server/db/index.js';
import { seedDemo } from '../src/lib/server/seed.js';
import { publishedJwks, rotateSigningKey } from '../src/lib/server/signing.js';
import { checkCertificate } from '../src/lib/server/verification.js';
import { bimtek, callerAs } from './helpers.js';

// The credential a participant downloads verifies in an independent script (scripts/verify-credential.mjs,
// `jose` only) with nothing but the published key set; an altered one, or one checked against other keys, does not.
const run = promisify(execFile);
const script = join(import.meta.dirname, '..', 'scripts', 'verify-credential.mjs');
const verify = async (credential: string, jwks: string, ...options: string[]) => {
  try {
    const { stdout } = await run(process.execPath, [script, credential, jwks, ...options]);
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, output: e.stderr };
  }
};

let database: Database;
let dir: string;
let envelope: { '@context': string; type: string; id: string };
let number: string;
beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await seedDemo(database.db, { employees: 30, year: 2025 });
  const { caller } = await callerAs(database.db, 'adminsdm');
  const { id } = await caller.events.create(bimtek());
  await caller.events.addMatching({ eventId: id, unitId: 'sekretariat' });
  const people = (await caller.events.participants({ eventId: id, limit: 200 })).rows;
  await caller.events.setAttendance({ eventId: id, rows: people.map((p) => ({ employeeId: p.employeeId, attended: ['s1', 's2', 's3'] })) });
  await caller.events.close({ eventId: id });
  number = (await caller.events.participants({ eventId: id })).rows[0]!.certificate!;
  const file = await caller.events.certificate({ number, format: 'json' });
  envelope = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString());
  dir = mkdtempSync(join(tmpdir(), 'bangkom-verify-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

it('verifies the downloaded credential with the published JWKS, also after the key is rotated', async () => {
  writeFileSync(join(dir, 'credential.json'), JSON.stringify(envelope));
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify(await publishedJwks(database.db)));
  const result = await verify(join(dir, 'credential.json'), join(dir, 'jwks.json'), '--offline');
  expect(result.code).toBe(0);
  expect(result.output).toContain('SAH / VALID');
  expect(result.output).toContain(`24 JP · ${number}`);
  expect(result.output).toContain('Revocation not checked (offline)');

  await rotateSigningKey(database.db);
  writeFileSync(join(dir, 'jwks-rotated.json'), JSON.stringify(await publishedJwks(database.db)));
  expect((await verify(join(dir, 'credential.json'), join(dir, 'jwks-rotated.json'), '--offline')).code).toBe(0);
});

it('refuses a credential whose JP was altered, and one checked against keys that did not sign it', async () => {
  const jwt = envelope.id.replace('data:application/vc+jwt,', '');
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  claims.credentialSubject.creditsEarned = 60;
  const altered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
  writeFileSync(join(dir, 'altered.jwt'), altered);
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify(await publishedJwks(database.db)));
  const tampered = await verify(join(dir, 'altered.jwt'), join(dir, 'jwks.json'), '--offline');
  expect(tampered.code).toBe(1);
  expect(tampered.output).toContain('TIDAK SAH / INVALID');

  const other = await openDatabase({ dataDir: 'memory://' });
  try {
    await rotateSigningKey(other.db);
    writeFileSync(join(dir, 'other-jwks.json'), JSON.stringify(await publishedJwks(other.db)));
  } finally {
    await other.close();
  }
  writeFileSync(join(dir, 'credential.json'), JSON.stringify(envelope));
  expect((await verify(join(dir, 'credential.json'), join(dir, 'other-jwks.json'), '--offline')).code).toBe(1);
});

it('asks the issuer for the status after the signature: a revoked certificate is reported revoked, an unreachable issuer as unknown', async () => {
  writeFileSync(join(dir, 'credential.json'), JSON.stringify(envelope));
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify(await publishedJwks(database.db)));
  // The answer the verification page gives a program (its JSON), saved to a file.
  const statusFile = async () => {
    const check = await checkCertificate(database.db, number);
    writeFileSync(join(dir, 'status.json'), JSON.stringify({ number, status: check.status, revokedAt: check.revokedAt ?? null }));
    return join(dir, 'status.json');
  };
  const valid = await verify(join(dir, 'credential.json'), join(dir, 'jwks.json'), '--status', await statusFile());
  expect(valid.code).toBe(0);
  expect(valid.output).toContain('Not revoked');

  const { caller } = await callerAs(database.db, 'adminsdm');
  await caller.events.revoke({ number, reason: 'Peserta keliru' });
  const revoked = await verify(join(dir, 'credential.json'), join(dir, 'jwks.json'), '--status', await statusFile());
  expect(revoked.code).toBe(1);
  expect(revoked.output).toContain(`DICABUT / REVOKED`);

  // Nobody answers at the issuer's address (the test's ORIGIN has no server): genuine, status unknown.
  const unreachable = await verify(join(dir, 'credential.json'), join(dir, 'jwks.json'), '--status', 'http://127.0.0.1:9/verifikasi/x');
  expect(unreachable.code).toBe(3);
  expect(unreachable.output).toContain('STATUS UNKNOWN');
});
