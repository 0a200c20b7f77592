import type { Employee, LearningActivity, Problem } from '@bangkom/domain';
import type { MyAsnFormRow, SiasnPayload } from '@bangkom/myasn';
import { myAsnExportColumns, myAsnFormRow, siasnReference, toSiasnPayload } from '@bangkom/myasn';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { audit } from './audit.js';
import type { SessionUser } from './auth.js';
import type { Db } from './db/index.js';
import type { MyasnUploadSource } from './db/schema.js';
import { activities, activityJp, employees, evidenceFiles, myasnUploads, users } from './db/schema.js';
import { activityOf } from './routers/activities.js';

/**
 * MyASN/SIASN in the app: the entry each verified activity needs in MyASN ([K] III.C) and the
 * SIASN save body an integrator sends, from `@bangkom/myasn`; the "uploaded" marks the Kartu Data
 * column "Telah diupload pada MyASN" ([K] III.B) reads.
 */

/** SIASN holds ASN (PNS and PPPK) only: TKK records are never sent to MyASN/SIASN. */
export const sentToSiasn = (kind: Employee['kind']) => kind !== 'TKK';

/** The MyASN entry (nine form fields) and the SIASN save body of a verified activity, with what stops the body. */
export function entryOf(activity: LearningActivity, convertedJp: number, employee: Pick<Employee, 'name'>) {
  const form: MyAsnFormRow = myAsnFormRow(activity, convertedJp, siasnReference, employee);
  // The SIASN person id and the agency's instansi/lokasi ids are not held by the app: the body carries
  // them empty and the integrator fills them in (the package warns the same way for `pnsOrangId`).
  const payload = toSiasnPayload(activity, convertedJp, {});
  return payload.ok
    ? { form, payload: payload.value, problems: [] as Problem[] }
    : { form, payload: null as SiasnPayload | null, problems: payload.problems };
}

/** The JSON file of a SIASN body as downloaded or put in the ZIP: endpoint, body and the certificate upload that follows. */
export const payloadJson = (payload: SiasnPayload) =>
  JSON.stringify({ endpoint: payload.endpoint, body: payload.body, uploadDocument: payload.document }, null, 2) + '\n';

/** Who recorded a mark: username, and the person's name and NIP when the account is an employee's. */
export const recorderFields = {
  recordedByUsername: users.username,
  recordedByName: sql<string | null>`(SELECT e.name FROM employees e WHERE e.id = ${users.employeeId})`,
  recordedByNip: users.employeeId,
};

/** The upload mark of an activity, with who recorded it. */
export async function uploadOf(db: Db, activityId: string) {
  const rows = await db
    .select({
      activityId: myasnUploads.activityId,
      uploadedOn: myasnUploads.uploadedOn,
      siasnId: myasnUploads.siasnId,
      source: myasnUploads.source,
      recordedAt: myasnUploads.recordedAt,
      ...recorderFields,
    })
    .from(myasnUploads)
    .leftJoin(users, eq(users.id, myasnUploads.recordedBy))
    .where(eq(myasnUploads.activityId, activityId));
  return rows[0] ?? null;
}

/**
 * Marks an activity as entered in MyASN/SIASN, in the caller's transaction (audited). An existing
 * mark without a SIASN id takes the id now known; a mark with an id is left as it is.
 */
export async function markUploaded(
  tx: Db,
  user: SessionUser,
  activityId: string,
  mark: { uploadedOn: string; siasnId: string | null; source: MyasnUploadSource },
): Promise<'marked' | 'linked' | 'unchanged'> {
  const existing = (await tx.select().from(myasnUploads).where(eq(myasnUploads.activityId, activityId)))[0];
  if (existing) {
    if (existing.siasnId !== null || mark.siasnId === null) return 'unchanged';
    await tx.update(myasnUploads).set({ siasnId: mark.siasnId }).where(eq(myasnUploads.activityId, activityId));
    await audit(tx, user, 'myasn.link_siasn_id', 'activity', activityId, { siasnId: null }, { siasnId: mark.siasnId, source: mark.source });
    return 'linked';
  }
  await tx.insert(myasnUploads).values({ activityId, ...mark, recordedBy: user.id });
  await audit(tx, user, 'myasn.mark_uploaded', 'activity', activityId, null, mark);
  return 'marked';
}

/** A verified ASN activity of a unit and year, as the bulk export and the reconciliation read it. */
export interface UnitActivity {
  activity: LearningActivity;
  employee: Employee;
  employeeName: string;
  convertedJp: number;
  evidenceSha256: string | null;
  evidenceName: string | null;
  uploadedOn: string | null;
  siasnId: string | null;
}

/**
 * The verified activities of ASN employees of a unit (or one employee) counting in a year (the stored
 * year of each activity: its end date), each with the JP it is worth on its own — what SIASN records
 * as `jumlahJam` — and its upload mark. The JP override of an admin ([P] art. 12(2)f) applies.
 */
export async function unitActivities(
  db: Db,
  scope: { unitId: string; employeeId?: string | undefined },
  year: number,
): Promise<UnitActivity[]> {
  const rows = await db
    .select({
      activity: activities,
      employee: employees.data,
      employeeName: employees.name,
      convertedJp: activityJp.convertedJp,
      uploadedOn: myasnUploads.uploadedOn,
      siasnId: myasnUploads.siasnId,
    })
    .from(activityJp)
    .innerJoin(activities, eq(activities.id, activityJp.activityId))
    .innerJoin(employees, eq(employees.id, activityJp.employeeId))
    .leftJoin(myasnUploads, eq(myasnUploads.activityId, activities.id))
    .where(
      and(
        eq(activityJp.year, year),
        eq(activities.status, 'verified'),
        sql`${employees.kind} <> 'TKK'`,
        eq(employees.unitId, scope.unitId),
        scope.employeeId ? eq(employees.id, scope.employeeId) : undefined,
      ),
    )
    .orderBy(employees.name, employees.id, sql`${activities.data}->>'startDate'`, activities.id);
  return rows.map((r) => ({
    activity: activityOf(r.activity),
    employee: r.employee,
    employeeName: r.employeeName,
    convertedJp: r.convertedJp,
    evidenceSha256: r.activity.evidenceSha256,
    evidenceName: r.activity.evidenceName,
    uploadedOn: r.uploadedOn,
    siasnId: r.siasnId,
  }));
}

/** The MyASN form of a set of activities as a workbook: NIP, name, the nine fields and a note, one row per activity. */
export async function myAsnFormXlsx(rows: readonly MyAsnFormRow[], title: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bangkom';
  const ws = wb.addWorksheet('Form MyASN');
  ws.addRow([title]).font = { bold: true, size: 13 };
  const header = ws.addRow([...myAsnExportColumns]);
  header.font = { bold: true };
  for (const row of rows) ws.addRow(myAsnExportColumns.map((c) => row[c]));
  ws.columns.forEach((column, i) => {
    column.width = [20, 28, 22, 40, 30, 24, 12, 14, 14, 12, 24, 14][i] ?? 16;
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A file name inside the ZIP: letters, digits, dot, dash and underscore only. */
export const zipName = (name: string) => name.replace(/[^\w.-]+/g, '_').slice(0, 120);

/** One entry of the ZIP's index (`daftar.json`). */
export interface BundleEntry {
  activityId: string;
  nip: string;
  name: string;
  title: string;
  endpoint: string | null;
  body: string | null;
  evidence: string | null;
  uploaded: { on: string; siasnId: string | null } | null;
  problems: { id: string; en: string }[];
}

/** A stored evidence file, read when asked for (the ZIP asks for one when it reaches it). */
export async function evidenceContent(db: Db, sha256: string): Promise<Uint8Array> {
  const found = (await db.select({ content: evidenceFiles.content }).from(evidenceFiles).where(eq(evidenceFiles.sha256, sha256)))[0];
  if (!found) throw new Error(`evidence ${sha256} missing`);
  return new Uint8Array(found.content);
}

/** A file's content as a stream that reads it only when first read (JSZip reads one entry at a time). */
function lazyFile(load: () => Promise<Uint8Array>): Readable {
  let started = false;
  return new Readable({
    read() {
      if (started) return;
      started = true;
      load().then(
        (bytes) => {
          this.push(bytes);
          this.push(null);
        },
        (e: unknown) => this.destroy(e as Error),
      );
    },
  });
}

/**
 * The bulk export of a unit's year for an integrator: one SIASN JSON file per activity
 * (`siasn/<NIP>/<id>.json`), the evidence file to attach (`bukti/<NIP>/…`), the MyASN form as
 * XLSX, and an index (`daftar.json`) that names each activity's files and what stops a body.
 * Streamed: each evidence file is read from the database when the ZIP reaches it and the output
 * waits for its reader, so memory holds one file at a time, not the unit's evidence.
 */
export function bundleZip(
  items: { entry: ReturnType<typeof entryOf>; row: UnitActivity }[],
  readEvidence: (sha256: string) => Promise<Uint8Array>,
  title: string,
): { stream: NodeJS.ReadableStream; index: BundleEntry[] } {
  const zip = new JSZip();
  const index: BundleEntry[] = [];
  for (const { entry, row } of items) {
    const nip = zipName(row.activity.nip);
    const body = entry.payload ? `siasn/${nip}/${zipName(row.activity.id)}.json` : null;
    if (entry.payload && body) zip.file(body, payloadJson(entry.payload));
    const sha = row.evidenceSha256;
    const file = sha ? `bukti/${nip}/${zipName(row.activity.id)}-${zipName(row.evidenceName ?? 'bukti.pdf')}` : null;
    if (sha && file)
      zip.file(
        file,
        lazyFile(() => readEvidence(sha)),
      );
    index.push({
      activityId: row.activity.id,
      nip: row.activity.nip,
      name: row.employeeName,
      title: row.activity.title,
      endpoint: entry.payload?.endpoint ?? null,
      body,
      evidence: file,
      uploaded: row.uploadedOn ? { on: row.uploadedOn, siasnId: row.siasnId } : null,
      problems: entry.problems.map((p) => p.message),
    });
  }
  zip.file('daftar.json', JSON.stringify(index, null, 2) + '\n');
  zip.file(
    'myasn-form.xlsx',
    myAsnFormXlsx(
      items.map((i) => i.entry.form),
      title,
    ),
  );
  zip.file(
    'BACA-README.txt',
    [
      title,
      '',
      'siasn/<NIP>/<id>.json : badan permintaan SIASN diklat/save atau kursus/save dan unggahan sertifikatnya (upload-dok-rw).',
      '  pnsOrangId, instansiId dan lokasiId dibiarkan kosong: isi dari SIASN sebelum dikirim.',
      'bukti/<NIP>/ : berkas bukti yang dilampirkan pada MyASN/SIASN.',
      'myasn-form.xlsx : isian formulir MyASN (9 kolom) per kegiatan.',
      'daftar.json : daftar kegiatan, berkasnya, status unggah, dan masalah yang menghalangi.',
      '',
      'siasn/<NIP>/<id>.json: the SIASN diklat/save or kursus/save body and its certificate upload (upload-dok-rw).',
      '  pnsOrangId, instansiId and lokasiId are left empty: fill them in from SIASN before sending.',
      'bukti/<NIP>/: the evidence file to attach in MyASN/SIASN.',
      'myasn-form.xlsx: the MyASN form (9 fields) per activity.',
      'daftar.json: the activities, their files, upload status and what stops a body.',
      '',
    ].join('\r\n'),
  );
  const stream = zip.generateNodeStream({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true });
  return { stream, index };
}
