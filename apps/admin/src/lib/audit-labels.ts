/**
 * The audit log's actions, their families and the kinds of object, in the words of the office:
 * one table for the log page and its CSV/XLSX export. Every new audit action gets its label here
 * (`audit_action_…` in messages/id.json and en.json).
 */
import type { Messages, PlainMessageKey } from './i18n';

/** Actions by family, in the words of the office; an action not listed shows its code. */
export const AUDIT_ACTIONS: Record<string, Record<string, PlainMessageKey>> = {
  activity: {
    'activity.create': 'audit_action_activity_create',
    'activity.update': 'audit_action_activity_update',
    'activity.submit': 'audit_action_activity_submit',
    'activity.resubmit': 'audit_action_activity_resubmit',
    'activity.withdraw': 'audit_action_activity_withdraw',
    'activity.approve': 'audit_action_activity_approve',
    'activity.reject': 'audit_action_activity_reject',
    'activity.verified': 'audit_action_activity_verified',
    'activity.rejected': 'audit_action_activity_rejected',
    'activity.jp_override': 'audit_action_activity_jp_override',
    'activity.conversion_approved': 'audit_action_activity_conversion_approved',
    'activity.evidence_download': 'audit_action_activity_evidence_download',
    'activity.evidence_upload': 'audit_action_activity_evidence_upload',
    'activity.import_siasn': 'audit_action_activity_import_siasn',
  },
  auth: {
    'auth.login': 'audit_action_auth_login',
    'auth.login_failed': 'audit_action_auth_login_failed',
    'auth.logout': 'audit_action_auth_logout',
  },
  user: {
    'user.create': 'audit_action_user_create',
    'user.update': 'audit_action_user_update',
    'user.disable': 'audit_action_user_disable',
    'user.enable': 'audit_action_user_enable',
    'user.password_changed': 'audit_action_user_password_changed',
    'user.password_reset': 'audit_action_user_password_reset',
    'user.email': 'audit_action_user_email',
    'user.language': 'audit_action_user_language',
  },
  employee: {
    'employee.import': 'audit_action_employee_import',
    'employee.update': 'audit_action_employee_update',
  },
  plan: {
    'plan.save': 'audit_action_plan_save',
    'plan.approve': 'audit_action_plan_approve',
    'plan.submit': 'audit_action_plan_submit',
    'plan.withdraw': 'audit_action_plan_withdraw',
    'plan.return': 'audit_action_plan_return',
  },
  settings: {
    'settings.rule_profile': 'audit_action_settings_rule_profile',
    'settings.session': 'audit_action_settings_session',
    'settings.time_zone': 'audit_action_settings_time_zone',
    'settings.ipasn_step_of_action': 'audit_action_settings_ipasn_step_of_action',
    'settings.signatory': 'audit_action_settings_signatory',
  },
  tubel: {
    'tubel.assess': 'audit_action_tubel_assess',
  },
  export: {
    'export.kartu_data': 'audit_action_export_kartu_data',
    'export.monitoring': 'audit_action_export_monitoring',
    'export.audit_log': 'audit_action_export_audit_log',
    'export.event_participants': 'audit_action_export_event_participants',
    'export.event_report': 'audit_action_export_event_report',
    'export.event_invitation': 'audit_action_export_event_invitation',
    'export.event_attendance': 'audit_action_export_event_attendance',
    'export.myasn_zip': 'audit_action_export_myasn_zip',
    'export.myasn_form': 'audit_action_export_myasn_form',
  },
  access: {
    'access.refused': 'audit_action_access_refused',
  },
  event: {
    'event.create': 'audit_action_event_create',
    'event.participants_add': 'audit_action_event_participants_add',
    'event.participant_remove': 'audit_action_event_participant_remove',
    'event.attendance': 'audit_action_event_attendance',
    'event.evaluate': 'audit_action_event_evaluate',
    'event.close': 'audit_action_event_close',
  },
  certificate: {
    'certificate.issue': 'audit_action_certificate_issue',
    'certificate.revoke': 'audit_action_certificate_revoke',
    'certificate.download': 'audit_action_certificate_download',
  },
  ipasn: {
    'ipasn.facts': 'audit_action_ipasn_facts',
    'ipasn.facts_import': 'audit_action_ipasn_facts_import',
    'ipasn.siasn_import': 'audit_action_ipasn_siasn_import',
    'ipasn.cycle_open': 'audit_action_ipasn_cycle_open',
    'ipasn.recap_submit': 'audit_action_ipasn_recap_submit',
    'ipasn.recap_return': 'audit_action_ipasn_recap_return',
    'ipasn.recap_accept': 'audit_action_ipasn_recap_accept',
    'ipasn.recap_upload': 'audit_action_ipasn_recap_upload',
    'ipasn.step_done': 'audit_action_ipasn_step_done',
    'ipasn.step_reopen': 'audit_action_ipasn_step_reopen',
    'ipasn.document': 'audit_action_ipasn_document',
  },
  job: {
    'job.create': 'audit_action_job_create',
    'job.cancel': 'audit_action_job_cancel',
    'job.download': 'audit_action_job_download',
  },
  myasn: {
    'myasn.mark_uploaded': 'audit_action_myasn_mark_uploaded',
    'myasn.link_siasn_id': 'audit_action_myasn_link_siasn_id',
    'myasn.unmark_uploaded': 'audit_action_myasn_unmark_uploaded',
    'myasn.reconcile': 'audit_action_myasn_reconcile',
    'myasn.reconcile_marked': 'audit_action_myasn_reconcile_marked',
    'myasn.reconcile_imported': 'audit_action_myasn_reconcile_imported',
    'myasn.reconcile_ignored': 'audit_action_myasn_reconcile_ignored',
    'myasn.reconcile_mark_agreeing': 'audit_action_myasn_reconcile_mark_agreeing',
  },
};
export const AUDIT_GROUPS: Record<string, PlainMessageKey> = {
  activity: 'audit_group_activity',
  auth: 'audit_group_auth',
  user: 'audit_group_user',
  employee: 'audit_group_employee',
  plan: 'audit_group_plan',
  settings: 'audit_group_settings',
  tubel: 'audit_group_tubel',
  export: 'audit_group_export',
  access: 'audit_group_access',
  event: 'audit_group_event',
  certificate: 'audit_group_certificate',
  ipasn: 'audit_group_ipasn',
  myasn: 'audit_group_myasn',
  job: 'audit_group_job',
};
export const AUDIT_ENTITIES: Record<string, PlainMessageKey> = {
  activity: 'audit_entity_activity',
  user: 'audit_entity_user',
  employee: 'audit_entity_employee',
  plan: 'audit_entity_plan',
  settings: 'audit_entity_settings',
  tubel: 'audit_entity_tubel',
  audit_log: 'audit_entity_audit_log',
  procedure: 'audit_entity_procedure',
  tubel_assessment: 'audit_entity_tubel_assessment',
  event: 'audit_entity_event',
  certificate: 'audit_entity_certificate',
  ipasn_facts: 'audit_entity_ipasn_facts',
  ipasn_siasn_scores: 'audit_entity_ipasn_siasn_scores',
  ipasn_cycle: 'audit_entity_ipasn_cycle',
  ipasn_recap: 'audit_entity_ipasn_recap',
  siasn_reconciliation: 'audit_entity_siasn_reconciliation',
  siasn_reconciliation_item: 'audit_entity_siasn_reconciliation_item',
};

/** An action in plain words; an action not listed shows its code. */
export const auditActionLabel = (m: Messages, action: string): string => {
  const key = AUDIT_ACTIONS[action.split('.')[0]!]?.[action];
  return key ? m[key]() : action;
};
/** A family of actions (`activity`) in plain words, or its code. */
export const auditGroupLabel = (m: Messages, family: string): string => {
  const key = AUDIT_GROUPS[family];
  return key ? m[key]() : family;
};
/** A kind of object (`activity`, `user`, …) in plain words, or its code. */
export const auditEntityLabel = (m: Messages, entity: string): string => {
  const key = AUDIT_ENTITIES[entity];
  return key ? m[key]() : entity;
};
