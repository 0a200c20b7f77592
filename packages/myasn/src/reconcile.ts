import type { LearningActivity } from '@bangkom/domain';

export interface FieldDifference {
  field: 'jp' | 'startDate' | 'endDate' | 'number';
  local: string | number | null;
  siasn: string | number | null;
}

export interface Reconciliation {
  /** Verified local activities SIASN does not hold. */
  missingInSiasn: { id: string; nip: string; title: string; number: string | null }[];
  /** SIASN records with no local activity. */
  missingLocally: { id: string; nip: string; title: string; number: string | null }[];
  /** Matched records whose JP, dates or certificate number differ. */
  different: { localId: string; siasnId: string; nip: string; differences: FieldDifference[] }[];
  matched: number;
  /** The matched records that agree (`matched` of them): local id and SIASN id, to mark as uploaded. */
  agreeing: { localId: string; siasnId: string; nip: string }[];
}

/** The SIASN record id an activity is known by: one marked as uploaded with it, or one read from SIASN (`fromSiasn`). */
const siasnRecordId = (a: LearningActivity) => (typeof a['siasnId'] === 'string' && a['siasnId'] !== '' ? a['siasnId'] : null);

const normalise = (n: string | undefined | null) => (n ? n.replace(/\s+/g, '').toUpperCase() : null);

/**
 * Compares local activities with what SIASN holds (as `fromSiasn` reads it). An activity that carries
 * the SIASN record id it was uploaded as (`siasnId`) matches that record whatever else differs; the
 * others match on NIP and certificate number, or — when a number is missing or differs — on NIP,
 * SIASN jenis and start date.
 * `localJp` gives the JP to compare with SIASN's `jumlahJam` (the converted JP of each activity).
 */
export function reconcile(
  local: readonly LearningActivity[],
  siasn: readonly LearningActivity[],
  localJp: (a: LearningActivity) => number,
  sameJenis: (a: LearningActivity, b: LearningActivity) => boolean,
  /** Whether an activity is ever sent to SIASN; default all. TKK records stay local (SIASN holds ASN only). */
  sentToSiasn: (a: LearningActivity) => boolean = () => true,
): Reconciliation {
  const verified = local.filter((a) => a.status === 'verified' && sentToSiasn(a));
  const unmatched = new Set(siasn.map((_, i) => i));
  const result: Reconciliation = { missingInSiasn: [], missingLocally: [], different: [], matched: 0, agreeing: [] };
  const pairs: [LearningActivity, LearningActivity][] = [];
  const remaining: LearningActivity[] = [];
  const notLinked: LearningActivity[] = [];
  for (const a of verified) {
    const id = siasnRecordId(a);
    const index = id === null ? undefined : [...unmatched].find((i) => siasn[i]!.nip === a.nip && siasnRecordId(siasn[i]!) === id);
    if (index === undefined) notLinked.push(a);
    else {
      unmatched.delete(index);
      pairs.push([a, siasn[index]!]);
    }
  }
  for (const a of notLinked) {
    const number = normalise(a.evidence?.number);
    const index = [...unmatched].find(
      (i) => siasn[i]!.nip === a.nip && number !== null && normalise(siasn[i]!.evidence?.number) === number,
    );
    if (index === undefined) remaining.push(a);
    else {
      unmatched.delete(index);
      pairs.push([a, siasn[index]!]);
    }
  }
  for (const a of remaining) {
    const index = [...unmatched].find((i) => siasn[i]!.nip === a.nip && siasn[i]!.startDate === a.startDate && sameJenis(a, siasn[i]!));
    if (index === undefined) result.missingInSiasn.push({ id: a.id, nip: a.nip, title: a.title, number: a.evidence?.number ?? null });
    else {
      unmatched.delete(index);
      pairs.push([a, siasn[index]!]);
    }
  }
  for (const [a, s] of pairs) {
    const differences: FieldDifference[] = [];
    const jp = localJp(a);
    if (s.statedJp === undefined || Math.abs(jp - s.statedJp) > 1e-9)
      differences.push({ field: 'jp', local: jp, siasn: s.statedJp ?? null });
    if (a.startDate !== s.startDate) differences.push({ field: 'startDate', local: a.startDate, siasn: s.startDate });
    if (a.endDate !== s.endDate) differences.push({ field: 'endDate', local: a.endDate, siasn: s.endDate });
    if (normalise(a.evidence?.number) !== normalise(s.evidence?.number))
      differences.push({ field: 'number', local: a.evidence?.number ?? null, siasn: s.evidence?.number ?? null });
    if (differences.length > 0) result.different.push({ localId: a.id, siasnId: s.id, nip: a.nip, differences });
    else {
      result.matched++;
      result.agreeing.push({ localId: a.id, siasnId: s.id, nip: a.nip });
    }
  }
  for (const i of [...unmatched].sort((x, y) => x - y)) {
    const s = siasn[i]!;
    result.missingLocally.push({ id: s.id, nip: s.nip, title: s.title, number: s.evidence?.number ?? null });
  }
  return result;
}
