/** `@bangkom/myasn`: SIASN bodies, reconciliation, the MyASN form and CSV import. XLSX/PDF documents: `@bangkom/myasn/documents`. */
export { parseDate, toDmy, toIndonesianDate } from './dates.js';
export type { MyAsnFormRow } from './form.js';
export { myAsnExportColumns, myAsnFormCsv, myAsnFormFields, myAsnFormRow, RUMPUN_MISSING } from './form.js';
export { myAsnForm, myasnSchemas, reconcileWithSiasn, siasnPayloads } from './office.js';
export type { FieldDifference, Reconciliation } from './reconcile.js';
export { reconcile } from './reconcile.js';
export type { SiasnReference } from './reference.js';
export { jenisDiklat, methodOfJenisDiklat, recordKindOf, siasnReference } from './reference.js';
export type { SiasnContext, SiasnPayload } from './siasn.js';
export { fromSiasn, SiasnDiklatSave, SiasnHistory, SiasnKursusSave, SiasnRwDiklat, SiasnRwKursus, toSiasnPayload } from './siasn.js';
export type { ImportType } from './template.js';
export {
  activitiesToTemplateCsv,
  activityColumns,
  choiceLabels,
  employeeAllowedValues,
  employeeChoices,
  employeeColumns,
  employeeExample,
  employeeTemplateCsv,
  importCsv,
  importRows,
  readRows,
} from './template.js';
