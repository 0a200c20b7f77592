/**
 * The office-wide documents (Kartu Data, monitoring rows). Apart from office.ts because they come
 * with documents.ts, which imports exceljs and pdfkit: the core entry (`@bangkom/myasn`) imports
 * office.ts and must not load them, even from source.
 */
import type { Result } from '@bangkom/domain';
import { employeeId, fail, ok } from '@bangkom/domain';
import type { ComputeOptions } from '@bangkom/jp';
import type { KartuData } from './documents.js';
import { kartuData, monitoringRows } from './documents.js';
import { office } from './office.js';

/** The Kartu Data of one employee of the office. */
export function officeKartuData(
  input: unknown,
  nip: string,
  extra: { place?: string; date?: string; headTitle?: string } = {},
  options: ComputeOptions = {},
): Result<KartuData> {
  const o = office(input, options);
  if (!o.ok) return o;
  const employee = o.value.employees.find((e) => employeeId(e) === nip);
  if (!employee)
    return fail({
      path: ['--nip'],
      code: 'myasn.unknown_employee',
      message: { id: `Pegawai dengan NIP ${nip} tidak ada di berkas`, en: `No employee with NIP ${nip} in the file` },
    });
  const activities = o.value.activities
    .filter((a) => a.nip === nip)
    .map((activity) => {
      const counted = o.value.countedOf.get(activity.id);
      return {
        activity,
        jp: counted?.jp ?? 0,
        ...(counted?.limitedBy ? { cap: { convertedJp: counted.convertedJp, limitedBy: counted.limitedBy } } : {}),
      };
    });
  return ok(kartuData({ employee, activities, yearlyTotals: o.value.yearly.get(nip) ?? [], ...extra }));
}

export function officeMonitoring(input: unknown, options: ComputeOptions = {}) {
  const o = office(input, options);
  if (!o.ok) return o;
  return ok(monitoringRows(o.value.employees, o.value.activities));
}
