import { z } from 'zod';
import { isoDate } from './dates.js';

/** Kinds of bukti dukung. [K] IV item h of each method; [P] art. 66–67. */
export const evidenceKinds = ['sertifikat', 'sttpl', 'piagam', 'surat_keterangan', 'laporan'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** Media types accepted for uploaded evidence. */
export const evidenceMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const EvidenceFile = z.object({
  name: z.string().min(1),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('Lower-case hex SHA-256 of the file content.'),
  size: z.int().nonnegative().describe('Size in bytes.'),
  mediaType: z.enum(evidenceMediaTypes),
});
export type EvidenceFile = z.output<typeof EvidenceFile>;

export const Evidence = z
  .object({
    kind: z.enum(evidenceKinds),
    number: z.string().min(1).optional().describe('Nomor sertifikat / surat.'),
    date: isoDate.optional().describe('Tanggal sertifikat / surat.'),
    validUntil: isoDate.optional().describe('Masa berlaku sertifikat (end of validity).'),
    issuer: z.string().min(1).optional(),
    placeIssued: z.string().min(1).optional().describe('Tempat terbit sertifikat.'),
    statedJp: z.number().nonnegative().optional().describe('JP printed on the evidence.'),
    file: EvidenceFile.optional(),
  })
  .meta({ title: 'Evidence', description: 'Bukti dukung of a learning activity.' });
export type Evidence = z.output<typeof Evidence>;
