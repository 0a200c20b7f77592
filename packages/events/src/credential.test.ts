import { createHash, createPublicKey, verify } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import type { OpenBadgeCredential } from './credential.js';
import {
  buildOpenBadgeCredential,
  generateIssuerKey,
  identityHash,
  issuerJwks,
  OB3_CONTEXT,
  signCredential,
  verifyCredential,
} from './credential.js';
import { TrainingEvent } from './event.js';
import { bimtek } from './test/fixtures.js';

const event = TrainingEvent.parse(bimtek);
const issuer = { id: 'https://bangkom.example.go.id', name: 'DPUPR Kabupaten Kutai Barat' };
const holder = { nip: '198703122010012003', name: 'Ani Rahmawati, S.T.' };

const credential = () =>
  buildOpenBadgeCredential({
    event,
    issuer,
    holder,
    certificateNumber: '0001/UMPEG/VII/2025',
    jp: 24,
    issuedAt: '2025-07-16T09:00:00Z',
    salt: 'garam',
  });

/** Replaces the payload of a JWT with another, keeping header and signature. */
function tamper(jwt: string, change: (c: OpenBadgeCredential) => void): string {
  const [header, payload, signature] = jwt.split('.');
  const json = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as OpenBadgeCredential;
  change(json);
  return `${header}.${Buffer.from(JSON.stringify(json)).toString('base64url')}.${signature}`;
}

describe('Open Badges 3.0 credential', () => {
  it('has the OB3 contexts, types, issuer profile and achievement with the JP', () => {
    const c = credential();
    expect(c['@context']).toEqual([...OB3_CONTEXT]);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.issuer).toEqual({ id: issuer.id, type: ['Profile'], name: issuer.name });
    expect(c.credentialSubject.achievement).toMatchObject({ type: ['Achievement'], name: event.title, creditsAvailable: 24 });
    expect(c.credentialSubject.creditsEarned).toBe(24);
    expect(c.credentialSubject.licenseNumber).toBe('0001/UMPEG/VII/2025');
    expect(c.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it('carries the NIP only hashed with its salt (sha256 of NIP + salt)', () => {
    const c = credential();
    const nip = c.credentialSubject.identifier[0]!;
    const expected = createHash('sha256')
      .update(holder.nip + 'garam')
      .digest('hex');
    expect(nip).toEqual({
      type: 'IdentityObject',
      identityType: 'identifier',
      hashed: true,
      identityHash: `sha256$${expected}`,
      salt: 'garam',
    });
    expect(identityHash(holder.nip, 'garam')).toBe(nip.identityHash);
    expect(JSON.stringify(c)).not.toContain(holder.nip);
  });

  it('signs as a JWT-VC with Ed25519 and verifies with the published JWKS', async () => {
    const key = await generateIssuerKey();
    expect(key.privateJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    const jwks = issuerJwks([key]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const jwt = await signCredential(credential(), key);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: key.publicJwk.kid });
    const verified = await verifyCredential(jwt, { jwks, issuer: issuer.id });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.value.kid).toBe(key.publicJwk.kid);
    expect(verified.value.credential.credentialSubject.creditsEarned).toBe(24);
  });

  it('verifies without jose: the Ed25519 signature checks with node:crypto and the published JWK alone', async () => {
    const key = await generateIssuerKey();
    const jwt = await signCredential(credential(), key);
    const [header, payload, signature] = jwt.split('.');
    const publicKey = createPublicKey({ key: issuerJwks([key]).keys[0] as never, format: 'jwk' });
    const signed = Buffer.from(`${header}.${payload}`);
    expect(verify(null, signed, publicKey, Buffer.from(signature!, 'base64url'))).toBe(true);
    expect(verify(null, Buffer.from(`${header}.${payload}x`), publicKey, Buffer.from(signature!, 'base64url'))).toBe(false);
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: issuer.id, type: ['VerifiableCredential', 'OpenBadgeCredential'] });
    expect(claims['jti']).toBe(claims['id']);
  });

  it('refuses a tampered credential (JP raised after signing)', async () => {
    const key = await generateIssuerKey();
    const jwt = tamper(await signCredential(credential(), key), (c) => {
      c.credentialSubject.creditsEarned = 80;
    });
    const verified = await verifyCredential(jwt, { jwks: issuerJwks([key]) });
    expect(verified.ok).toBe(false);
    if (verified.ok) return;
    expect(verified.problems[0]!.code).toBe('credential.bad_signature');
  });

  it('refuses a credential signed by a key the issuer does not publish, and one from another issuer', async () => {
    const [key, other] = [await generateIssuerKey(), await generateIssuerKey()];
    const jwt = await signCredential(credential(), other);
    const unknown = await verifyCredential(jwt, { jwks: issuerJwks([key]) });
    expect(!unknown.ok && unknown.problems[0]!.code).toBe('credential.unknown_key');
    const own = await signCredential(credential(), key);
    const wrongIssuer = await verifyCredential(own, { jwks: issuerJwks([key]), issuer: 'https://elsewhere.example' });
    expect(!wrongIssuer.ok && wrongIssuer.problems[0]!.code).toBe('credential.claim');
  });

  it('after a key rotation, credentials signed with the old key still verify while it stays in the JWKS', async () => {
    const [old, current] = [await generateIssuerKey(), await generateIssuerKey()];
    const jwt = await signCredential(credential(), old);
    expect((await verifyCredential(jwt, { jwks: issuerJwks([current, old]) })).ok).toBe(true);
  });

  it('a revoked certificate is refused', async () => {
    const key = await generateIssuerKey();
    const jwt = await signCredential(credential(), key);
    const revoked = new Set(['0001/UMPEG/VII/2025']);
    const verified = await verifyCredential(jwt, {
      jwks: issuerJwks([key]),
      isRevoked: (c) => revoked.has(c.credentialSubject.licenseNumber ?? ''),
    });
    expect(verified.ok).toBe(false);
    if (verified.ok) return;
    expect(verified.problems[0]!.code).toBe('credential.revoked');
    expect(verified.problems[0]!.message.id).toContain('dicabut');
  });

  it('not valid before its validFrom; garbage is a problem, not a throw', async () => {
    const key = await generateIssuerKey();
    const jwt = await signCredential(credential(), key);
    const early = await verifyCredential(jwt, { jwks: issuerJwks([key]), now: new Date('2025-07-01T00:00:00Z') });
    expect(!early.ok && early.problems[0]!.code).toBe('credential.claim');
    const garbage = await verifyCredential('not-a-jwt', { jwks: issuerJwks([key]) });
    expect(!garbage.ok && garbage.problems[0]!.code).toBe('credential.malformed');
  });
});
