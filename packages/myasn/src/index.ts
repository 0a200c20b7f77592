export { parseDate, toDmy, toIndonesianDate } from './dates.js';
export type { KartuData, KartuDataInput, KartuDataRow, MonitoringRow } from './documents.js';
export {
  KARTU_DECLARATION,
  KARTU_HEADERS,
  kartuData,
  kartuDataPdf,
  kartuDataXlsx,
  MONITORING_HEADERS,
  monitoringRows,
  monitoringXlsx,
} from './documents.js';
export type { MyAsnFormRow } from './form.js';
export { myAsnExportColumns, myAsnFormCsv, myAsnFormFields, myAsnFormRow, RUMPUN_MISSING } from './form.js';
export { myAsnForm, myasnSchemas, officeKartuData, officeMonitoring, reconcileWithSiasn, siasnPayloads } from './office.js';
export type { FieldDifference, Reconciliation } from './reconcile.js';
export { reconcile } from './reconcile.js';
export type { SiasnReference } from './reference.js';
export { jenisDiklat, methodOfJenisDiklat, recordKindOf, siasnReference } from './reference.js';
export type { SiasnContext, SiasnPayload } from './siasn.js';
export { fromSiasn, SiasnDiklatSave, SiasnHistory, SiasnKursusSave, SiasnRwDiklat, SiasnRwKursus, toSiasnPayload } from './siasn.js';
export type { ImportType } from './template.js';
export { activitiesToTemplateCsv, activityColumns, employeeColumns, importCsv, importRows, importXlsx } from './template.js';
