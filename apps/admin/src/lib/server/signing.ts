import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IssuerKey, JWK } from '@bangkom/events';
import { generateIssuerKey, issuerJwks } from '@bangkom/events';
import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './db/index.js';
import { settings, signingKeys } from './db/schema.js';

/**
 * The agency's credential-signing key (Ed25519). Its private part is stored in the database
 * encrypted with AES-256-GCM under a key-encryption key that never enters the database:
 * BANGKOM_SIGNING_SECRET (32 bytes, base64 or hex) when set, otherwise a random key generated
 * once and kept in `<data folder>/signing-secret.key` (mode 0600), so the demo needs no setup.
 * A rotated key is retired, not deleted: the JWKS keeps it and old credentials still verify.
 */

const SECRET_FILE = 'signing-secret.key';

function decodeSecret(text: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32)
    throw new Error('BANGKOM_SIGNING_SECRET must be 32 bytes (base64 or hex) / BANGKOM_SIGNING_SECRET harus 32 byte (base64 atau hex)');
  return bytes;
}

/** The key-encryption key: from the environment, or from (and on first use written to) the data folder. */
export function keyEncryptionKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env['BANGKOM_SIGNING_SECRET']) return decodeSecret(env['BANGKOM_SIGNING_SECRET']);
  const file = join(env['BANGKOM_DATA_DIR'] || join(process.cwd(), 'data'), SECRET_FILE);
  if (existsSync(file)) return decodeSecret(readFileSync(file, 'utf8'));
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32);
  // `wx`: of two processes starting at once, one writes the file; the other reads it.
  try {
    writeFileSync(file, secret.toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
    return secret;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return decodeSecret(readFileSync(file, 'utf8'));
  }
}

/** base64(iv | tag | ciphertext) of the JSON of `value`; the kid is authenticated as associated data. */
export function encryptJwk(value: JWK, kid: string, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  cipher.setAAD(Buffer.from(kid));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function decryptJwk(encrypted: string, kid: string, secret: Buffer): JWK {
  const bytes = Buffer.from(encrypted, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', secret, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(kid));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as JWK;
}

/** The current signing key, created (and stored encrypted) when there is none. */
export async function signingKey(db: Db, secret = keyEncryptionKey()): Promise<IssuerKey> {
  const current = (
    await db.select().from(signingKeys).where(isNull(signingKeys.retiredAt)).orderBy(asc(signingKeys.createdAt)).limit(1)
  )[0];
  if (current) return { privateJwk: decryptJwk(current.privateJwkEncrypted, current.kid, secret), publicJwk: current.publicJwk as JWK };
  const key = await generateIssuerKey();
  const kid = String(key.publicJwk.kid);
  await db
    .insert(signingKeys)
    .values({ kid, publicJwk: key.publicJwk, privateJwkEncrypted: encryptJwk(key.privateJwk, kid, secret) })
    .onConflictDoNothing();
  // Two first starts at once: both read the one that was stored first.
  const stored = (
    await db.select().from(signingKeys).where(isNull(signingKeys.retiredAt)).orderBy(asc(signingKeys.createdAt)).limit(1)
  )[0]!;
  return { privateJwk: decryptJwk(stored.privateJwkEncrypted, stored.kid, secret), publicJwk: stored.publicJwk as JWK };
}

/** Retires the current key and creates a new one; the old public key stays published. */
export async function rotateSigningKey(db: Db, secret = keyEncryptionKey()): Promise<IssuerKey> {
  await db.update(signingKeys).set({ retiredAt: new Date() }).where(isNull(signingKeys.retiredAt));
  return signingKey(db, secret);
}

/** Every public key, current and retired: what `/.well-known/jwks.json` publishes. */
export async function publishedJwks(db: Db): Promise<{ keys: JWK[] }> {
  const rows = await db.select({ publicJwk: signingKeys.publicJwk }).from(signingKeys).orderBy(asc(signingKeys.createdAt));
  return issuerJwks(rows.map((r) => r.publicJwk as JWK));
}

/** The issuer named in credentials: its id is the app's public address (ORIGIN), its name the agency (setting `agencyName`). */
export async function issuerOf(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<{ id: string; name: string }> {
  const origin = (env['ORIGIN'] || `http://localhost:${env['PORT'] || 3000}`).replace(/\/$/, '');
  const row = (await db.select().from(settings).where(eq(settings.key, 'agencyName')))[0];
  return { id: origin, name: typeof row?.value === 'string' ? row.value : 'Bangkom' };
}

/** The public verification page of a certificate (what its QR code holds). */
export const verificationUrl = (issuerId: string, number: string) => `${issuerId}/verifikasi/${encodeURIComponent(number)}`;

/** Serialises certificate numbering: two events closing at once never take the same sequence number. */
export const lockCertificates = (tx: Db) => tx.execute(sql`LOCK TABLE certificates IN SHARE ROW EXCLUSIVE MODE`);
