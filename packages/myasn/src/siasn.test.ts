import type { LearningActivity } from '@bangkom/domain';
import { LearningActivity as Schema, learningMethodCodes } from '@bangkom/domain';
import { describe, expect, it } from 'vitest';
import golden from '../cases/siasn-payloads.json' with { type: 'json' };
import { siasnReference } from './reference.js';
import { fromSiasn, SiasnDiklatSave, SiasnKursusSave, toSiasnPayload } from './siasn.js';

const activity = (fields: Partial<LearningActivity>): LearningActivity =>
  Schema.parse({
    id: 'ACT-1',
    nip: '198503122010011004',
    method: 'seminar',
    title: 'Seminar Nasional Jalan Daerah',
    organizer: 'Direktorat Jenderal Bina Marga',
    startDate: '2024-03-27',
    endDate: '2024-03-28',
    evidence: {
      kind: 'sertifikat',
      number: '123/SERT/BM/2024',
      file: { name: 'sertifikat.pdf', sha256: 'a'.repeat(64), size: 1000, mediaType: 'application/pdf' },
    },
    ...fields,
  });
const context = { pnsOrangIds: { '198503122010011004': 'A8ACA7A1-3C6B-11E6-9AB3-0894EF5B2A3C' }, instansiId: 'INST-1', lokasiId: 'LOK-1' };

describe('SIASN payloads', () => {
  it.each(golden.cases.map((c) => [c.name, c] as const))('golden body: %s', (_, c) => {
    const result = toSiasnPayload(activity(c.activity as Partial<LearningActivity>), c.jp, context);
    expect(result.ok && result.value).toEqual(c.expected);
  });

  it('sends every method to the jenis diklat of the reference table, with the right record type and types', () => {
    for (const method of learningMethodCodes) {
      const result = toSiasnPayload(activity({ method }), 4, context);
      expect(result.ok, method).toBe(true);
      if (!result.ok) continue;
      const jenisId = siasnReference.methodToJenisDiklat[method];
      if (jenisId === 1) {
        expect(result.value.kind).toBe('diklat');
        expect(SiasnDiklatSave.safeParse(result.value.body).success).toBe(true);
        expect(result.value.document.id_ref_dokumen).toBe('874');
      } else {
        expect(result.value.kind).toBe('kursus');
        const body = SiasnKursusSave.parse(result.value.body);
        expect(body.jenisDiklatId).toBe(String(jenisId));
        expect(typeof body.jumlahJam).toBe('number');
        expect(typeof body.tahunKursus).toBe('number');
        expect(result.value.document.id_ref_dokumen).toBe('881');
      }
    }
  });

  it('refuses unverified activities and ones without a certificate number', () => {
    const draft = toSiasnPayload(activity({ status: 'submitted' }), 8);
    expect(draft.ok ? [] : draft.problems.map((p) => p.code)).toEqual(['myasn.not_verified']);
    const noNumber = toSiasnPayload(activity({ evidence: { kind: 'sertifikat' } }), 8);
    expect(noNumber.ok ? [] : noNumber.problems.map((p) => [p.code, p.path.join('/')])).toEqual([
      ['myasn.certificate_number_missing', 'evidence/number'],
    ]);
  });
});

describe('SIASN read side', () => {
  it('reads rw-diklat and rw-kursus back into activities, with their spellings', () => {
    const result = fromSiasn({
      diklat: [
        {
          id: 'D1',
          nipBaru: '198503122010011004',
          latihanStrukturalId: '3',
          latihanStrukturalNama: 'DIKLAT PIM TK. III',
          nomor: 'PIM/3/2024',
          tanggal: '01-07-2024',
          tanggalSelesai: '30-08-2024',
          tahun: 2024,
          jumlahJam: 400,
          institusiPenyelenggara: 'LAN',
        },
      ],
      kursus: [
        {
          id: 'K1',
          nipBaru: '198503122010011004',
          jenisDiklatId: '9',
          jenisKursusNama: 'Seminar',
          namaKursus: 'Seminar Nasional Jalan Daerah',
          noSertipikat: '123/SERT/BM/2024',
          tanggalKursus: '27-03-2024',
          tanggalSelesaiKursus: '28-03-2024',
          jumlahJam: '8',
          tahunKursus: '2024',
          institusiPenyelenggara: 'Direktorat Jenderal Bina Marga',
        },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((a) => [a.id, a.method, a.startDate, a.endDate, a.statedJp, a.evidence?.number])).toEqual([
      ['siasn-diklat-D1', 'pelatihan_struktural_kepemimpinan', '2024-07-01', '2024-08-30', 400, 'PIM/3/2024'],
      ['siasn-kursus-K1', 'seminar', '2024-03-27', '2024-03-28', 8, '123/SERT/BM/2024'],
    ]);
  });

  it('reports unknown jenis and bad dates with paths', () => {
    const result = fromSiasn({
      kursus: [
        { id: 'K9', nipBaru: '1', jenisDiklatId: '99', tanggalKursus: '27-03-2024' },
        { id: 'K8', nipBaru: '1', jenisDiklatId: '9', tanggalKursus: '31-02-2024' },
      ],
    });
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.path.join('/')])).toEqual([
      ['myasn.unknown_jenis_diklat', 'kursus/0/jenisDiklatId'],
      ['myasn.bad_date', 'kursus/1/tanggalKursus'],
    ]);
  });
});
