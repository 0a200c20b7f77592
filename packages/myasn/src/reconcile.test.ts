import { describe, expect, it } from 'vitest';
import { reconcileWithSiasn } from './office.js';

const NIP = '198503122010011004';
const local = {
  activities: [
    {
      id: 'L1',
      nip: NIP,
      method: 'seminar',
      title: 'Seminar Jalan',
      organizer: 'BM',
      startDate: '2025-03-03',
      endDate: '2025-03-04',
      evidence: { kind: 'sertifikat', number: 'S-1' },
    },
    {
      id: 'L2',
      nip: NIP,
      method: 'kursus',
      title: 'Kursus Civil 3D',
      organizer: 'Balai',
      startDate: '2025-05-05',
      endDate: '2025-05-08',
      programmeJp: 30,
      evidence: { kind: 'sertifikat', number: 'K-2' },
    },
    {
      id: 'L3',
      nip: NIP,
      method: 'workshop',
      title: 'Lokakarya BIM',
      organizer: 'Balai',
      startDate: '2025-06-02',
      endDate: '2025-06-02',
      evidence: { kind: 'sertifikat', number: 'W-3' },
    },
    {
      id: 'L4',
      nip: NIP,
      method: 'coaching',
      title: 'Coaching',
      startDate: '2025-07-01',
      endDate: '2025-07-01',
      sessions: 2,
      status: 'draft',
    },
  ],
};
const siasn = {
  kursus: [
    {
      id: 'K1',
      nipBaru: NIP,
      jenisDiklatId: '9',
      namaKursus: 'Seminar Jalan',
      noSertipikat: 's-1',
      tanggalKursus: '03-03-2025',
      tanggalSelesaiKursus: '04-03-2025',
      jumlahJam: 8,
    },
    {
      id: 'K2',
      nipBaru: NIP,
      jenisDiklatId: '11',
      namaKursus: 'Kursus Civil 3D',
      noSertipikat: 'K-2',
      tanggalKursus: '05-05-2025',
      tanggalSelesaiKursus: '09-05-2025',
      jumlahJam: 24,
    },
    {
      id: 'K9',
      nipBaru: NIP,
      jenisDiklatId: '16',
      namaKursus: 'E-learning Etika',
      noSertipikat: 'E-9',
      tanggalKursus: '10-02-2025',
      tanggalSelesaiKursus: '10-02-2025',
      jumlahJam: 3,
    },
  ],
};

describe('reconcile', () => {
  it('lists missing in SIASN, missing locally and differences (JP, dates, number)', () => {
    const result = reconcileWithSiasn(local, siasn);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.missingInSiasn.map((m) => m.id)).toEqual(['L3']);
    expect(result.value.missingLocally.map((m) => m.id)).toEqual(['siasn-kursus-K9']);
    expect(result.value.different).toEqual([
      {
        localId: 'L2',
        siasnId: 'siasn-kursus-K2',
        nip: NIP,
        differences: [
          { field: 'jp', local: 30, siasn: 24 },
          { field: 'endDate', local: '2025-05-08', siasn: '2025-05-09' },
        ],
      },
    ]);
    expect(result.value.matched).toBe(1);
  });

  it('matches on the start date and jenis when the number differs, and reports the number', () => {
    const changed = { kursus: [{ ...siasn.kursus[0]!, noSertipikat: 'S-1-REV' }] };
    const result = reconcileWithSiasn({ activities: [local.activities[0]] }, changed);
    expect(result.ok && result.value.different[0]?.differences).toEqual([{ field: 'number', local: 'S-1', siasn: 'S-1-REV' }]);
  });

  it('matches an activity marked with a SIASN record id to that record, even when number and dates differ', () => {
    const renumbered = { kursus: [{ ...siasn.kursus[0]!, noSertipikat: 'LAIN-1', tanggalKursus: '01-03-2025' }] };
    const marked = { activities: [{ ...local.activities[0], siasnId: 'K1' }] };
    const result = reconcileWithSiasn(marked, renumbered);
    expect(result.ok && result.value.missingInSiasn).toEqual([]);
    expect(result.ok && result.value.different[0]).toMatchObject({ localId: 'L1', siasnId: 'siasn-kursus-K1' });
    // Without the link the same records do not match.
    const unlinked = reconcileWithSiasn({ activities: [local.activities[0]] }, renumbered);
    expect(unlinked.ok && unlinked.value.missingInSiasn.map((m) => m.id)).toEqual(['L1']);
  });

  it('lists the records that agree', () => {
    const result = reconcileWithSiasn(local, siasn);
    expect(result.ok && result.value.agreeing).toEqual([{ localId: 'L1', siasnId: 'siasn-kursus-K1', nip: NIP }]);
  });
});
