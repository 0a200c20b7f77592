import { auditActionLabel } from '../audit-labels.js';
import type { Locale } from '../i18n.js';
import { messagesFor } from './messages.js';

/** One entry of the log as `auditPage` reads it. */
export type AuditExportEntry = {
  id: number;
  at: Date | string;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** The employee whose account it is (none for a system or administrator account). */
  employeeName: string | null;
  employeeId: string | null;
};

/** Column widths of the XLSX sheet, in the order of `auditExportHeader`. */
export const AUDIT_EXPORT_WIDTHS = [8, 24, 16, 16, 32, 28, 14, 38, 60, 60, 24, 20];

/** The export's header in the requesting user's language. */
export function auditExportHeader(locale: Locale): string[] {
  const m = messagesFor(locale);
  return [
    m.audit_export_col_id(),
    m.audit_export_col_at(),
    m.audit_export_col_zone(),
    m.audit_export_col_account(),
    m.audit_export_col_action(),
    m.audit_export_col_action_code(),
    m.audit_export_col_entity(),
    m.audit_export_col_entity_id(),
    m.audit_export_col_before(),
    m.audit_export_col_after(),
    m.audit_export_col_employee(),
    m.audit_export_col_nip(),
  ];
}

/**
 * A text a spreadsheet would run as a formula (=, +, -, @ first) is written with a leading
 * apostrophe: account names and object ids in the log can be typed by anyone at the login form.
 */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/**
 * One entry as a row: the action in the reader's words beside its code (auditors filter and
 * compare by the code, which does not change with the language).
 */
export function auditExportRow(e: AuditExportEntry, timeZone: string, locale: Locale): string[] {
  return [
    String(e.id),
    new Date(e.at).toISOString(),
    timeZone,
    inert(e.username ?? ''),
    auditActionLabel(messagesFor(locale), e.action),
    e.action,
    e.entity,
    inert(e.entityId ?? ''),
    json(e.before),
    json(e.after),
    inert(e.employeeName ?? ''),
    e.employeeId ?? '',
  ];
}
