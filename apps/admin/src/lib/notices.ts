import type { Messages } from './i18n.js';
import { personText } from './people.js';

/** A notification in words, from the catalogue by its kind (the page shows it; the e-mail sends it). */
export function noticeText(m: Messages, kind: string, p: Record<string, string>): string {
  const texts: Record<string, () => string> = {
    activity_rejected: () => m.notice_activity_rejected({ title: p['title'] ?? '', reason: p['reason'] ?? '' }),
    activity_approved: () => m.notice_activity_approved({ title: p['title'] ?? '' }),
    activity_verified: () => m.notice_activity_verified({ title: p['title'] ?? '' }),
    plan_submitted: () => m.notice_plan_submitted({ name: p['name'] ?? '', nip: p['nip'] ?? '', year: p['year'] ?? '' }),
    plan_returned: () => m.notice_plan_returned({ year: p['year'] ?? '', reason: p['reason'] ?? '' }),
    plan_approved: () => m.notice_plan_approved({ year: p['year'] ?? '' }),
  };
  const text = texts[kind]?.() ?? '';
  // Who decided (notices of decisions since they carry it): by name and NIP, or the account.
  const by =
    p['byNip'] || p['byUsername']
      ? personText({ username: p['byUsername'] ?? null, name: p['byName'] ?? null, nip: p['byNip'] ?? null }, m)
      : null;
  return by && text ? `${text} ${m.notice_decided_by({ by })}` : text;
}
