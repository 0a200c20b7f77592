import { createHash } from 'node:crypto';

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** The media type a file really is, by its first bytes — the claimed type or name is not trusted. */
export function sniffMediaType(bytes: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}

export type EvidenceCheck =
  | { ok: true; sha256: string; mediaType: 'application/pdf' | 'image/jpeg' | 'image/png'; size: number }
  | { ok: false; code: 'evidence.too_large' | 'evidence.bad_type' | 'evidence.empty'; message: { id: string; en: string } };

type EvidenceRefusal = Extract<EvidenceCheck, { ok: false }>;

/** The refusal of a file of this many bytes, or null when the size is acceptable (checked before the file is read). */
export function sizeRefusal(size: number): EvidenceRefusal | null {
  if (size === 0) return { ok: false, code: 'evidence.empty', message: { id: 'Berkas kosong', en: 'The file is empty' } };
  if (size > MAX_EVIDENCE_BYTES)
    return {
      ok: false,
      code: 'evidence.too_large',
      message: {
        id: `Berkas melebihi ${MAX_EVIDENCE_BYTES / 1024 / 1024} MiB`,
        en: `The file is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MiB`,
      },
    };
  return null;
}

export function checkEvidence(bytes: Uint8Array): EvidenceCheck {
  const refused = sizeRefusal(bytes.length);
  if (refused) return refused;
  const mediaType = sniffMediaType(bytes);
  if (!mediaType)
    return {
      ok: false,
      code: 'evidence.bad_type',
      message: { id: 'Hanya PDF, JPEG atau PNG yang diterima', en: 'Only PDF, JPEG or PNG files are accepted' },
    };
  return { ok: true, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType, size: bytes.length };
}

// eslint-disable-next-line no-control-regex -- control characters and path separators are what is removed
const UNSAFE_NAME = /[\u0000-\u001F\u007F/\\]/g;

/** The name an uploaded file is kept under: its base name without control characters, at most 200 characters. */
export function evidenceName(name: string): string {
  const cleaned = name.replace(UNSAFE_NAME, '_').trim().slice(-200);
  return cleaned === '' ? 'bukti' : cleaned;
}
