/**
 * `@bangkom/myasn/documents`: the Kartu Data and monitoring sheet (XLSX/PDF) and the XLSX
 * import. They need the optional peer dependencies `exceljs` and `pdfkit`, which the core
 * entry (`@bangkom/myasn`) never loads, so a consumer of the SIASN bodies or `reconcile`
 * installs neither.
 */
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
export { officeKartuData, officeMonitoring } from './office-documents.js';
export { employeeTemplateXlsx, importXlsx, xlsxTable } from './template-xlsx.js';
