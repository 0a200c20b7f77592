#!/usr/bin/env node
// Verifies an Open Badges 3.0 credential issued by Bangkom with nothing but the issuer's published
// key set — independent of the app and of @bangkom/events (only the `jose` JOSE library).
//   node scripts/verify-credential.mjs <credential.json | credential.jwt> <jwks.json | https://host/.well-known/jwks.json>
// The credential file is the JSON download (an EnvelopedVerifiableCredential) or the bare JWT.
// Prints the holder's name, the achievement, JP and certificate number; exit 0 when genuine, 1 when not.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, jwtVerify } from 'jose';

const [credentialPath, jwksSource] = process.argv.slice(2);
if (!credentialPath || !jwksSource) {
  console.error('Usage / Cara pakai: node scripts/verify-credential.mjs <credential.json|.jwt> <jwks.json|URL>');
  process.exit(2);
}

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

const jwks = /^https?:\/\//.test(jwksSource) ? await (await fetch(jwksSource)).json() : JSON.parse(readFileSync(jwksSource, 'utf8'));

try {
  const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ['EdDSA'], typ: 'vc+jwt' });
  const types = Array.isArray(payload.type) ? payload.type : [];
  if (!types.includes('VerifiableCredential') || !types.includes('OpenBadgeCredential')) throw new Error('not an OpenBadgeCredential');
  if (payload.issuer?.id !== payload.iss) throw new Error('issuer does not match the signer');
  const subject = payload.credentialSubject;
  const name = subject.identifier?.find((i) => i.identityType === 'name')?.identityHash ?? '?';
  console.log(`SAH / VALID (kid ${protectedHeader.kid})`);
  console.log(`  ${name} — ${subject.achievement.name}`);
  console.log(`  ${subject.creditsEarned} JP · ${subject.licenseNumber} · ${payload.issuer.name} (${payload.issuer.id})`);
} catch (error) {
  console.error(`TIDAK SAH / INVALID: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
