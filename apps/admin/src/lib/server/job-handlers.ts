import type { JobKind } from './db/schema.js';
import { employeeImportJob } from './employee-import.js';
import type { JobHandler } from './jobs.js';
import { monitoringExportJob } from './monitoring-export.js';

/** What each kind of background job does (../jobs.ts runs them). */
export const JOB_HANDLERS: Record<JobKind, JobHandler> = {
  monitoring_export: monitoringExportJob,
  employee_import: employeeImportJob,
};
