import { verifyCredential } from '@bangkom/events';
import { eq } from 'drizzle-orm';
import type { Db } from './db/index.js';
import { certificates, employees, trainingEvents } from './db/schema.js';
import { issuerOf, publishedJwks } from './signing.js';

/**
 * The public check of a certificate by its number (no login): genuine, revoked or unknown, with
 * the holder's name partly masked (personal data is shown only as far as needed to recognise it).
 */
export interface CertificateCheck {
  status: 'valid' | 'revoked' | 'unknown';
  number: string;
  holder?: string;
  event?: { title: string; method: string; startDate: string; endDate: string; organizer: string };
  jp?: number;
  issuer?: string;
  issuedAt?: string;
  revokedAt?: string | null;
}

/** "Ani Rahmawati, S.T." → "An* Ra*******, S.T.": the first two letters of each name part. */
export function maskName(name: string): string {
  const [person, ...titles] = name.split(',');
  const masked = (person ?? '')
    .trim()
    .split(/\s+/)
    .map((part) => (part.length <= 2 ? part : part.slice(0, 2) + '*'.repeat(part.length - 2)))
    .join(' ');
  return [masked, ...titles.map((t) => t.trim())].join(', ');
}

export async function checkCertificate(db: Db, number: string): Promise<CertificateCheck> {
  const row = (
    await db
      .select({ cert: certificates, name: employees.name, event: trainingEvents.data })
      .from(certificates)
      .innerJoin(employees, eq(employees.id, certificates.employeeId))
      .innerJoin(trainingEvents, eq(trainingEvents.id, certificates.eventId))
      .where(eq(certificates.number, number))
  )[0];
  if (!row) return { status: 'unknown', number };
  // The stored credential must still verify with the published keys: a row altered in the database does not.
  const issuer = await issuerOf(db);
  const verified = await verifyCredential(row.cert.credential, { jwks: await publishedJwks(db) });
  const genuine = verified.ok && verified.value.credential.credentialSubject.licenseNumber === number;
  if (!genuine) return { status: 'unknown', number };
  return {
    status: row.cert.revokedAt ? 'revoked' : 'valid',
    number,
    holder: maskName(row.name),
    event: {
      title: row.event.title,
      method: row.event.method,
      startDate: row.event.startDate,
      endDate: row.event.endDate,
      organizer: row.event.organizer,
    },
    jp: Number(row.cert.jp),
    issuer: verified.ok ? verified.value.credential.issuer.name : issuer.name,
    issuedAt: row.cert.issuedAt.toISOString(),
    revokedAt: row.cert.revokedAt ? row.cert.revokedAt.toISOString() : null,
  };
}

/** A fixed-window limit per client address for the public verification page. */
export class VerificationLimiter {
  private readonly hits = new Map<string, { count: number; since: number }>();
  constructor(
    private readonly perWindow = 30,
    private readonly windowMs = 60_000,
  ) {}
  /** Whether this address may check one more certificate now. */
  allow(ip: string, now = Date.now()): boolean {
    const entry = this.hits.get(ip);
    if (!entry || now - entry.since >= this.windowMs) {
      // Old windows are dropped so the map stays small.
      if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (now - v.since >= this.windowMs) this.hits.delete(k);
      this.hits.set(ip, { count: 1, since: now });
      return true;
    }
    entry.count++;
    return entry.count <= this.perWindow;
  }
}

export const verificationLimiter = new VerificationLimiter();
