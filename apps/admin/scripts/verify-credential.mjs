#!/usr/bin/env node
// Verifies an Open Badges 3.0 credential issued by Bangkom with nothing but the issuer's published
// key set — independent of the app and of @bangkom/events (only the `jose` JOSE library).
//   node scripts/verify-credential.mjs <credential.json | credential.jwt> <jwks.json | https://host/.well-known/jwks.json>
//        [--status <status.json | URL> | --offline]
// The credential file is the JSON download (an EnvelopedVerifiableCredential) or the bare JWT.
//
// Two checks: the signature proves the credential is genuine and unaltered (works offline, with a
// saved key set); whether it has since been revoked is a fact the issuer keeps, so after the
// signature the script asks the issuer's verification page for the certificate's status (the
// page's address answers JSON: {"number", "status": "valid"|"revoked"|"unknown", "revokedAt"}),
// at the issuer named in the credential, or at --status (a URL or a saved answer). --offline
// skips that question and says so.
// Exit codes: 0 genuine and not revoked (or --offline: genuine), 1 not genuine or revoked,
// 2 usage, 3 genuine but its status could not be fetched.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, jwtVerify } from 'jose';

const args = process.argv.slice(2);
const offline = args.includes('--offline');
const statusAt = args.indexOf('--status');
const statusSource = statusAt >= 0 ? args[statusAt + 1] : undefined;
const [credentialPath, jwksSource] = args.filter((a, i) => !a.startsWith('--') && (statusAt < 0 || i !== statusAt + 1));
if (!credentialPath || !jwksSource || (statusAt >= 0 && !statusSource)) {
  console.error(
    'Usage / Cara pakai: node scripts/verify-credential.mjs <credential.json|.jwt> <jwks.json|URL> [--status <status.json|URL> | --offline]',
  );
  process.exit(2);
}

const isUrl = (s) => /^https?:\/\//.test(s);
const load = async (source, accept) =>
  isUrl(source)
    ? await (async () => {
        const response = await fetch(source, { headers: { accept } });
        if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
        return response.json();
      })()
    : JSON.parse(readFileSync(source, 'utf8'));

const text = readFileSync(credentialPath, 'utf8').trim();
let jwt = text;
if (text.startsWith('{')) {
  const envelope = JSON.parse(text);
  const prefix = 'data:application/vc+jwt,';
  if (envelope.type !== 'EnvelopedVerifiableCredential' || typeof envelope.id !== 'string' || !envelope.id.startsWith(prefix)) {
    console.error('TIDAK SAH / INVALID: not an enveloped VC-JWT');
    process.exit(1);
  }
  jwt = envelope.id.slice(prefix.length);
}

let payload;
try {
  const jwks = await load(jwksSource, 'application/json');
  const verified = await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ['EdDSA'], typ: 'vc+jwt' });
  payload = verified.payload;
  const types = Array.isArray(payload.type) ? payload.type : [];
  if (!types.includes('VerifiableCredential') || !types.includes('OpenBadgeCredential')) throw new Error('not an OpenBadgeCredential');
  if (payload.issuer?.id !== payload.iss) throw new Error('issuer does not match the signer');
  const subject = payload.credentialSubject;
  const name = subject.identifier?.find((i) => i.identityType === 'name')?.identityHash ?? '?';
  console.log(`SAH / VALID (kid ${verified.protectedHeader.kid})`);
  console.log(`  ${name} — ${subject.achievement.name}`);
  console.log(`  ${subject.creditsEarned} JP · ${subject.licenseNumber} · ${payload.issuer.name} (${payload.issuer.id})`);
} catch (error) {
  console.error(`TIDAK SAH / INVALID: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const number = payload.credentialSubject.licenseNumber;
const page = `${String(payload.issuer.id).replace(/\/$/, '')}/verifikasi/${encodeURIComponent(number)}`;
if (offline) {
  console.log(`  Status pencabutan tidak diperiksa (luring) / Revocation not checked (offline): ${page}`);
  process.exit(0);
}
let status;
try {
  status = await load(statusSource ?? page, 'application/json');
  if (status?.number !== number) throw new Error(`the answer is about ${status?.number ?? 'nothing'}, not ${number}`);
} catch (error) {
  console.error(`STATUS TIDAK DIKETAHUI / STATUS UNKNOWN: ${error instanceof Error ? error.message : String(error)} (${page})`);
  process.exit(3);
}
if (status.status === 'revoked') {
  console.error(`DICABUT / REVOKED${status.revokedAt ? ` ${status.revokedAt}` : ''}: ${number}`);
  process.exit(1);
}
if (status.status !== 'valid') {
  console.error(`TIDAK DIKENAL PENERBIT / UNKNOWN TO THE ISSUER: ${number}`);
  process.exit(1);
}
console.log(`  Berlaku, tidak dicabut / Not revoked (${page})`);
