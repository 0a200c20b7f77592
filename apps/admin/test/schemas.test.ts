import { learningMethodCodes, LearningActivity } from '@bangkom/domain';
import { describe, expect, it } from 'vitest';
import { TugasBelajarProgramme } from '@bangkom/domain';
import {
  AccountChange,
  ActivityFields,
  ActivityForm,
  EmployeeImportForm,
  EvidenceUploadData,
  NewAccount,
  PasswordForm,
  SessionSettings,
  TubelForm,
} from '../src/lib/schemas.js';
import { tubelInput } from '../src/lib/server/tubel-form.js';
import { errorDetails } from '../src/lib/server/errors.js';

describe('form schemas derived from @bangkom/domain', () => {
  it('take the domain’s method codes and number rules, adding only what a person may type', () => {
    expect(ActivityFields.shape.method.options).toEqual([...learningMethodCodes]);
    const base = { method: learningMethodCodes[0], title: 'Pelatihan', organizer: 'Balai', startDate: '2024-03-01', endDate: '2024-03-02' };
    // The domain refuses a negative number of days; the form also refuses more than a year.
    expect(LearningActivity.shape.days.safeParse(-1).success).toBe(false);
    expect(ActivityFields.safeParse({ ...base, days: -1 }).success).toBe(false);
    expect(ActivityFields.safeParse({ ...base, days: 367 }).success).toBe(false);
    expect(ActivityFields.safeParse({ ...base, days: 2 }).success).toBe(true);
  });

  it('a date rule carries its own message in both languages, which a refusal passes on as a problem', () => {
    const year = new Date().getUTCFullYear();
    const fields = { method: learningMethodCodes[0], title: 'Pelatihan', organizer: 'Balai' };
    // An activity of next year may be kept as a draft (it is submitted once it has ended); later ones are typing errors.
    expect(ActivityFields.safeParse({ ...fields, startDate: `${year + 1}-03-01`, endDate: `${year + 1}-03-02` }).success).toBe(true);
    const parsed = ActivityFields.safeParse({
      ...fields,
      startDate: `${year + 2}-01-01`,
      endDate: `${year + 2}-01-01`,
      certificateDate: `${year + 1}-01-01`,
    });
    expect(parsed.success).toBe(false);
    const details = errorDetails(parsed.error);
    expect(details.problems?.map((p) => [p.path.join('.'), p.code])).toEqual([
      ['startDate', 'date_too_late'],
      ['endDate', 'date_too_late'],
      ['certificateDate', 'date_future'],
    ]);
    expect(details.problems?.[2]?.message).toEqual({ id: 'Tanggal di masa depan', en: 'Date in the future' });
    expect(details.issues ?? []).toEqual([]);
  });

  it('evidence and imports are files, not text', () => {
    expect(ActivityForm.shape.evidence.safeParse(new File([new Uint8Array([1])], 'a.pdf')).success).toBe(true);
    expect(ActivityForm.shape.evidence.safeParse({ name: 'a.pdf', contentBase64: 'AQ==' }).success).toBe(false);
    expect(EmployeeImportForm.safeParse({ file: new File([], 'kosong.csv') }).success).toBe(false);
  });

  it('the password form asks for the new password twice', () => {
    const form = { currentPassword: 'lama', newPassword: 'Tepian-Mahakam-2031' };
    expect(PasswordForm.safeParse({ ...form, confirmPassword: 'Tepian-Mahakam-2032' }).error?.issues[0]?.path).toEqual(['confirmPassword']);
    expect(PasswordForm.safeParse({ ...form, confirmPassword: form.newPassword }).success).toBe(true);
  });

  it('the Tugas Belajar form takes the domain’s choices; unanswered stays out of the assessment, never a silent "no"', () => {
    expect(TubelForm.shape.level.unwrap().options).toEqual(TugasBelajarProgramme.shape.level.options);
    const empty = TubelForm.parse({ employeeId: '199001012015011001', asOf: '2026-06-30' });
    const input = tubelInput(empty);
    expect(input.candidate).toEqual({});
    expect(Object.keys(input.programme).sort()).toEqual(['level', 'location', 'normativeDurationMonths', 'selfFunded']);
    const answered = tubelInput(
      TubelForm.parse({
        employeeId: '199001012015011001',
        asOf: '2026-06-30',
        healthCertificate: 'tidak',
        ratingLastYear: 'baik',
        discipline: 'none',
        sentence: 'some',
        sentenceDate: '2020-01-01',
      }),
    );
    expect(answered.candidate).toEqual({
      healthCertificate: false,
      performanceRatings: [{ year: 2025, predicate: 'baik' }],
      disciplinaryPunishments: [],
      criminalSentences: [{ kind: 'penjara', date: '2020-01-01' }],
    });
  });

  it('a history answered "yes" needs its date, refused beside that date', () => {
    const parsed = TubelForm.safeParse({ employeeId: 'x', discipline: 'some', previous: 'some' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(['disciplineDate', 'previousEnd']);
  });
});

describe('the account and settings forms', () => {
  const posted = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return form;
  };

  it('a username against the rule is refused beside its field with the catalogue’s message; case does not matter', () => {
    const account = { username: 'Budi Santoso', password: 'Tepian-Mahakam-2031', role: 'pegawai' };
    const refused = NewAccount.safeParse(account).error?.issues ?? [];
    expect(refused.map((i) => [i.path.join('.'), (i as { params?: { code?: string } }).params?.code])).toEqual([
      ['username', 'admin_username_rule'],
    ]);
    expect(NewAccount.parse({ ...account, username: ' Budi.Santoso ' }).username).toBe('budi.santoso');
  });

  it('session limits are whole numbers in their ranges; a role is one of the database’s', () => {
    const sessions = SessionSettings.safeParse({ idleMinutes: 2, lifetimeHours: 1.5 }).error?.issues ?? [];
    expect(sessions.map((i) => i.path.join('.')).sort()).toEqual(['idleMinutes', 'lifetimeHours']);
    expect(AccountChange.safeParse({ userId: 7, role: 'superuser' }).error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['role', 'invalid_value'],
    ]);
  });

  it('an evidence upload through the API is a multipart body with the activity id and a file', () => {
    const form = posted({ id: 'ACT-1' });
    expect(EvidenceUploadData.safeParse(form).error?.issues.map((i) => i.path.join('.'))).toEqual(['file']);
    form.set('file', new File(['%PDF-'], 'bukti.pdf'));
    expect(EvidenceUploadData.parse(form)).toMatchObject({ id: 'ACT-1', file: { name: 'bukti.pdf' } });
    expect(EvidenceUploadData.safeParse({ id: 'ACT-1' }).success).toBe(false);
  });
});
