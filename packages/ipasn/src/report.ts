import type { Message } from '@bangkom/domain';
import type { ScoringProfile } from './profile.js';
import type { Dimension, IpAsnScore } from './score.js';
import { dimensionNames } from './score.js';

/** A score as SIASN returns it (`GET /pns/nilaiipasn/{nip}`). */
export interface SiasnScore {
  nip: string;
  kualifikasi: number;
  kompetensi: number;
  kinerja: number;
  disiplin: number;
  total: number;
}

export interface GroupReport {
  unit: string;
  employees: number;
  mean: number;
  distribution: { category: Message; count: number }[];
  lowest: { nip: string; total: number }[];
  /** Mean points missing from each dimension's maximum. */
  dimensionGaps: Record<Dimension, number>;
  unverified: number;
}

export interface SiasnDifference {
  nip: string;
  field: Dimension | 'total';
  computed: number | null;
  siasn: number;
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100);

/** Mean, distribution over the categories, lowest scorers and dimension gaps of a group of scores. */
export function groupReport(unit: string, scores: readonly IpAsnScore[], profile: ScoringProfile, lowestCount = 5): GroupReport {
  const bands = [...profile.categories].sort((a, b) => b.min - a.min);
  return {
    unit,
    employees: scores.length,
    mean: mean(scores.map((s) => s.total)),
    distribution: bands.map((b) => ({ category: b.label, count: scores.filter((s) => s.category === b.label.id).length })),
    lowest: [...scores]
      .sort((a, b) => a.total - b.total || a.nip.localeCompare(b.nip))
      .slice(0, lowestCount)
      .map((s) => ({ nip: s.nip, total: s.total })),
    dimensionGaps: Object.fromEntries(
      dimensionNames.map((d) => [d, mean(scores.map((s) => s.dimensions[d].max - s.dimensions[d].score))]),
    ) as Record<Dimension, number>,
    unverified: scores.filter((s) => s.unverified).length,
  };
}

/** Where the computed scores and SIASN's differ (by more than 0.01), per dimension and total. */
export function compareWithSiasn(scores: readonly IpAsnScore[], siasn: readonly SiasnScore[]): SiasnDifference[] {
  const byNip = new Map(scores.map((s) => [s.nip, s]));
  const differences: SiasnDifference[] = [];
  for (const s of siasn) {
    const ours = byNip.get(s.nip);
    for (const field of [...dimensionNames, 'total'] as const) {
      const computed = ours ? (field === 'total' ? ours.total : ours.dimensions[field].score) : null;
      if (computed === null || Math.abs(computed - s[field]) > 0.01) differences.push({ nip: s.nip, field, computed, siasn: s[field] });
    }
  }
  return differences;
}
