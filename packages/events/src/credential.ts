import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Problem, Result } from '@bangkom/domain';
import { fail, learningMethods, ok } from '@bangkom/domain';
import type { JWK as JoseJwk, JWTPayload } from 'jose';
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { TrainingEvent } from './event.js';

/**
 * A JSON Web Key (RFC 7517) as this package reads and writes it. Declared here rather than taken
 * from `jose`, so the published CommonJS type declarations do not import the ESM-only `jose`.
 */
export interface JWK {
  kty?: string;
  crv?: string;
  x?: string;
  /** Private part: never publish a key that has it. */
  d?: string;
  kid?: string;
  alg?: string;
  use?: string;
  [parameter: string]: unknown;
}

/** JSON-LD contexts of an Open Badges 3.0 credential (VC Data Model 2.0). */
export const OB3_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;
/** JOSE `typ` of a credential secured as a JWT (VC-JOSE-COSE). */
export const VC_JWT_TYPE = 'vc+jwt';
/** Signature algorithm: Ed25519 (`EdDSA` in JOSE). */
export const SIGNING_ALG = 'EdDSA';

export interface Issuer {
  /** URL identifying the agency (its verification site); also the JWT `iss`. */
  id: string;
  name: string;
  url?: string;
  email?: string;
}

export interface IdentityObject {
  type: 'IdentityObject';
  identityType: string;
  hashed: boolean;
  identityHash: string;
  salt?: string;
}

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  issuer: { id: string; type: ['Profile']; name: string; url?: string; email?: string };
  validFrom: string;
  name: string;
  credentialSubject: {
    type: ['AchievementSubject'];
    identifier: IdentityObject[];
    achievement: {
      id: string;
      type: ['Achievement'];
      achievementType: 'CertificateOfCompletion';
      name: string;
      description: string;
      criteria: { narrative: string };
      creditsAvailable: number;
      fieldOfStudy?: string;
    };
    creditsEarned: number;
    activityStartDate: string;
    activityEndDate: string;
    licenseNumber?: string;
  };
}

export interface BadgeInput {
  event: TrainingEvent;
  issuer: Issuer;
  holder: { nip: string; name: string };
  /** Certificate number; also the last part of the credential id. */
  certificateNumber: string;
  /** JP credited to this holder. */
  jp: number;
  /** Issue time (ISO date-time); default now. */
  issuedAt?: string;
  /** Salt of the hashed NIP; default random. Fixed only in tests. */
  salt?: string;
  /** Id of the credential; default `urn:uuid:<random>`. */
  id?: string;
}

/** `sha256$<hex>` of value+salt, as Open Badges 3.0 hashes an identifier. */
export const identityHash = (value: string, salt: string): string =>
  `sha256$${createHash('sha256')
    .update(value + salt)
    .digest('hex')}`;

/**
 * An Open Badges 3.0 `OpenBadgeCredential` stating that the holder completed the event and earned
 * `jp` JP. The NIP is included only hashed with a salt (a verifier who knows the NIP can check it);
 * the name is included in clear because the holder shows the credential as theirs.
 */
export function buildOpenBadgeCredential(input: BadgeInput): OpenBadgeCredential {
  const { event, issuer, holder } = input;
  const salt = input.salt ?? randomBytes(16).toString('hex');
  const method = learningMethods[event.method].label;
  return {
    '@context': [...OB3_CONTEXT],
    id: input.id ?? `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {
      id: issuer.id,
      type: ['Profile'],
      name: issuer.name,
      ...(issuer.url ? { url: issuer.url } : {}),
      ...(issuer.email ? { email: issuer.email } : {}),
    },
    validFrom: input.issuedAt ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    name: event.title,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'identifier', hashed: true, identityHash: identityHash(holder.nip, salt), salt },
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: holder.name },
      ],
      achievement: {
        id: `${issuer.id.replace(/\/$/, '')}/kegiatan/${encodeURIComponent(event.id)}`,
        type: ['Achievement'],
        achievementType: 'CertificateOfCompletion',
        name: event.title,
        description: `${method.id}: ${event.theme}. ${event.objective}`,
        criteria: { narrative: `Mengikuti dan menyelesaikan keseluruhan program ${method.id.toLowerCase()} (${event.programmeJp} JP).` },
        creditsAvailable: event.programmeJp,
        ...(event.competencyType ? { fieldOfStudy: event.competencyType } : {}),
      },
      creditsEarned: input.jp,
      activityStartDate: `${event.startDate}T00:00:00Z`,
      activityEndDate: `${event.endDate}T00:00:00Z`,
      licenseNumber: input.certificateNumber,
    },
  };
}

export interface IssuerKey {
  /** Private JWK (Ed25519, `d` included): keep it secret and encrypted at rest. */
  privateJwk: JWK;
  /** Public JWK with `kid`, `alg`, `use`: publish it in the issuer's JWKS. */
  publicJwk: JWK;
}

/** A new Ed25519 signing key; its `kid` is the RFC 7638 thumbprint of the public key. */
export async function generateIssuerKey(): Promise<IssuerKey> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const meta = { kid, alg: SIGNING_ALG, use: 'sig' };
  return { privateJwk: { ...(await exportJWK(privateKey)), ...meta }, publicJwk: { ...publicJwk, ...meta } };
}

/** The JWK Set to publish (e.g. at `/.well-known/jwks.json`): old public keys stay so old credentials verify after rotation. */
export const issuerJwks = (keys: readonly (IssuerKey | JWK)[]): { keys: JWK[] } => ({
  keys: keys.map((k) => {
    const jwk = 'publicJwk' in k ? (k as IssuerKey).publicJwk : (k as JWK);
    const { d: _d, ...pub } = jwk;
    return pub;
  }),
});

/** Signs the credential as a JWT (header `alg: EdDSA`, `typ: vc+jwt`, `kid`); `iss`, `jti`, `nbf` mirror the credential. */
export async function signCredential(credential: OpenBadgeCredential, key: Pick<IssuerKey, 'privateJwk'>): Promise<string> {
  const privateKey = await importJWK(key.privateJwk as JoseJwk, SIGNING_ALG);
  return new SignJWT(credential as unknown as JWTPayload)
    .setProtectedHeader({ alg: SIGNING_ALG, typ: VC_JWT_TYPE, cty: 'vc', ...(key.privateJwk.kid ? { kid: key.privateJwk.kid } : {}) })
    .setIssuer(credential.issuer.id)
    .setJti(credential.id)
    .setNotBefore(Math.floor(Date.parse(credential.validFrom) / 1000))
    .setIssuedAt()
    .sign(privateKey);
}

export interface VerifyOptions {
  /** The issuer's published keys. */
  jwks: { keys: JWK[] };
  /** Expected issuer id; when given, a credential from another issuer is refused. */
  issuer?: string;
  /** Whether the credential (by id) or its certificate number was revoked. */
  isRevoked?: (credential: OpenBadgeCredential) => boolean | Promise<boolean>;
  /** The time of the check (default now); the credential must be valid from before it. */
  now?: Date;
}

export interface VerifiedCredential {
  credential: OpenBadgeCredential;
  kid?: string;
}

const problem = (code: string, id: string, en: string): Problem => ({ path: ['credential'], code, message: { id, en } });

/**
 * Checks a JWT-VC: signature by one of the issuer's keys (Ed25519 only), `typ`, the Open Badges
 * types, issuer, validity period and revocation. Never throws: a bad credential is a problem.
 */
export async function verifyCredential(jwt: string, options: VerifyOptions): Promise<Result<VerifiedCredential>> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return fail(problem('credential.malformed', 'Kredensial tidak terbaca (bukan JWT)', 'The credential cannot be read (not a JWT)'));
  }
  let payload: JWTPayload;
  try {
    const verified = await jwtVerify(jwt, createLocalJWKSet(options.jwks as { keys: JoseJwk[] }), {
      algorithms: [SIGNING_ALG],
      typ: VC_JWT_TYPE,
      ...(options.issuer ? { issuer: options.issuer } : {}),
      ...(options.now ? { currentDate: options.now } : {}),
    });
    payload = verified.payload;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED')
      return fail(
        problem(
          'credential.bad_signature',
          'Tanda tangan kredensial tidak sah: isinya telah diubah atau bukan dari penerbit ini',
          'The credential signature is invalid: it was altered or not issued by this issuer',
        ),
      );
    if (code === 'ERR_JWKS_NO_MATCHING_KEY')
      return fail(
        problem(
          'credential.unknown_key',
          'Kunci penanda tangan kredensial tidak dikenal penerbit',
          'The credential was signed with a key the issuer does not publish',
        ),
      );
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
      return fail(
        problem(
          'credential.claim',
          `Kredensial tidak berlaku: ${(error as Error).message}`,
          `The credential is not valid: ${(error as Error).message}`,
        ),
      );
    return fail(
      problem(
        'credential.invalid',
        `Kredensial tidak sah: ${(error as Error).message}`,
        `The credential is invalid: ${(error as Error).message}`,
      ),
    );
  }
  const credential = payload as unknown as OpenBadgeCredential;
  const types: unknown[] = Array.isArray(credential.type) ? credential.type : [];
  if (!types.includes('VerifiableCredential') || !types.includes('OpenBadgeCredential')) {
    return fail(problem('credential.not_open_badge', 'Bukan kredensial Open Badges', 'Not an Open Badges credential'));
  }
  if (credential.issuer?.id !== payload.iss) {
    return fail(
      problem(
        'credential.issuer_mismatch',
        'Penerbit dalam kredensial tidak sesuai dengan penanda tangan',
        'The issuer in the credential does not match the signer',
      ),
    );
  }
  if (options.isRevoked && (await options.isRevoked(credential))) {
    return fail(
      problem('credential.revoked', 'Sertifikat ini telah dicabut oleh penerbitnya', 'This certificate has been revoked by its issuer'),
    );
  }
  return ok({ credential, ...(header.kid ? { kid: header.kid } : {}) });
}
