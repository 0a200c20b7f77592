import type { Employee, LearningActivity, Problem, PublicSchema, Result } from '@bangkom/domain';
import { employeeId, fail, ok } from '@bangkom/domain';
import type { ComputeOptions } from '@bangkom/jp';
import { computeJp, JpInput } from '@bangkom/jp';
import type { MyAsnFormRow } from './form.js';
import { myAsnFormRow } from './form.js';
import type { Reconciliation } from './reconcile.js';
import { reconcile } from './reconcile.js';
import type { SiasnReference } from './reference.js';
import { siasnReference } from './reference.js';
import type { SiasnContext, SiasnPayload } from './siasn.js';
import { fromSiasn, SiasnDiklatSave, SiasnHistory, SiasnKursusSave, toSiasnPayload } from './siasn.js';

export interface Office {
  employees: Employee[];
  activities: LearningActivity[];
  /** Converted JP of each activity (before cross-record limits), by id: what SIASN records. */
  jpOf: Map<string, number>;
  /** JP that counts (after the limits) and the limits that took JP, by id: what the Kartu Data shows. */
  countedOf: Map<string, { jp: number; convertedJp: number; limitedBy?: { rule: string; citation: string }[] }>;
  /** Identifiers of TKK, whose records are never sent to SIASN. */
  tkk: Set<string>;
  yearly: Map<string, { year: number; jp: number }[]>;
}

/** Reads an office file (`{ employees, activities }`, as `bangkom jp`) and converts every activity. */
export function office(input: unknown, options: ComputeOptions = {}): Result<Office> {
  const parsed = JpInput.safeParse(input);
  const computed = computeJp(input, options);
  if (!computed.ok) return computed;
  const { employees, activities } = parsed.data!;
  const jpOf = new Map(computed.value.results.map((r) => [r.id, r.convertedJp]));
  const countedOf = new Map(
    computed.value.results.map((r) => [r.id, { jp: r.jp, convertedJp: r.convertedJp, ...(r.limitedBy ? { limitedBy: r.limitedBy } : {}) }]),
  );
  const yearly = new Map<string, { year: number; jp: number }[]>();
  for (const s of computed.value.summaries) yearly.set(s.nip, [...(yearly.get(s.nip) ?? []), { year: s.year, jp: s.jp }]);
  const tkk = new Set(employees.filter((e) => e.kind === 'TKK').map(employeeId));
  return ok({ employees, activities, jpOf, countedOf, yearly, tkk });
}

/** SIASN save bodies for every verified activity; activities that cannot be sent are reported, all together. */
export function siasnPayloads(
  input: unknown,
  context: SiasnContext = {},
  options: ComputeOptions = {},
): Result<{ payloads: SiasnPayload[]; warnings: Problem[] }> {
  const o = office(input, options);
  if (!o.ok) return o;
  const problems: Problem[] = [];
  const payloads: SiasnPayload[] = [];
  const warnings: Problem[] = [];
  const tkk = o.value.tkk;
  const warned = new Set<string>();
  o.value.activities.forEach((a, i) => {
    // SIASN holds ASN (PNS and PPPK) only; TKK records stay local.
    if (a.status !== 'verified' || tkk.has(a.nip)) return;
    const payload = toSiasnPayload(a, o.value.jpOf.get(a.id) ?? 0, context);
    if (payload.ok) {
      payloads.push(payload.value);
      if (payload.value.body.pnsOrangId === '' && !warned.has(a.nip) && warned.add(a.nip))
        warnings.push({
          path: ['activities', i, 'nip'],
          code: 'myasn.pns_orang_id_missing',
          message: {
            id: `pnsOrangId SIASN untuk NIP ${a.nip} belum diketahui; isi sebelum dikirim`,
            en: `SIASN pnsOrangId for NIP ${a.nip} is unknown; fill it in before sending`,
          },
        });
    } else problems.push(...payload.problems.map((p) => ({ ...p, path: ['activities', i, ...p.path] })));
  });
  return problems.length > 0 ? fail(...problems) : ok({ payloads, warnings });
}

/** The MyASN form rows (nine fields) of every verified activity. */
export function myAsnForm(input: unknown, options: ComputeOptions = {}, ref: SiasnReference = siasnReference): Result<MyAsnFormRow[]> {
  const o = office(input, options);
  if (!o.ok) return o;
  const byId = new Map(o.value.employees.map((e) => [employeeId(e), e]));
  return ok(
    o.value.activities
      .filter((a) => a.status === 'verified' && !o.value.tkk.has(a.nip))
      .map((a) => myAsnFormRow(a, o.value.jpOf.get(a.id) ?? 0, ref, byId.get(a.nip))),
  );
}

/** Compares an office's activities with SIASN's records (`{ diklat: rw-diklat[], kursus: rw-kursus[] }`). */
export function reconcileWithSiasn(
  input: unknown,
  siasn: unknown,
  options: ComputeOptions = {},
  ref: SiasnReference = siasnReference,
): Result<Reconciliation> {
  const o = office(input, options);
  if (!o.ok) return o;
  const held = fromSiasn(siasn, ref);
  if (!held.ok) return fail(...held.problems.map((p) => ({ ...p, path: ['siasn', ...p.path] })));
  const jenis = (a: LearningActivity) => ref.methodToJenisDiklat[a.method];
  return ok(
    reconcile(
      o.value.activities,
      held.value,
      (a) => o.value.jpOf.get(a.id) ?? 0,
      (a, b) => jenis(a) === jenis(b),
      (a) => !o.value.tkk.has(a.nip),
    ),
  );
}

export const myasnSchemas: PublicSchema[] = [
  { name: 'siasn-diklat-save', schema: SiasnDiklatSave },
  { name: 'siasn-kursus-save', schema: SiasnKursusSave },
  { name: 'siasn-history', schema: SiasnHistory },
];
