import type { LearningMethod } from '@bangkom/domain';
import reference from '../data/siasn-reference.json' with { type: 'json' };

/** SIASN reference lists and Bangkom's mappings onto them (data/siasn-reference.json; agencies may override). */
export interface SiasnReference {
  source: string;
  jenisDiklat: { id: number; name: string; certificateCode: string }[];
  methodToJenisDiklat: Record<LearningMethod, number>;
  latihanStruktural: { id: number; name: string }[];
  leadershipLevelToLatihanStruktural: Record<string, number>;
  documents: { diklat: { id_ref_dokumen: string; name: string }; kursus: { id_ref_dokumen: string; name: string } };
  rumpun: { name: string; id?: string }[];
  defaultRumpun: string;
}

export const siasnReference = reference as SiasnReference;

/** Jenis diklat 1 (Diklat Struktural) is a `diklat` record in SIASN; every other jenis a `kursus` record. */
export const recordKindOf = (jenisDiklatId: number): 'diklat' | 'kursus' => (jenisDiklatId === 1 ? 'diklat' : 'kursus');

export const jenisDiklat = (id: number, ref: SiasnReference = siasnReference) => ref.jenisDiklat.find((j) => j.id === id);

/** The method a SIASN jenis diklat comes back as (the first method mapped to it). */
export function methodOfJenisDiklat(id: number, ref: SiasnReference = siasnReference): LearningMethod | undefined {
  return (Object.entries(ref.methodToJenisDiklat) as [LearningMethod, number][]).find(([, j]) => j === id)?.[0];
}
