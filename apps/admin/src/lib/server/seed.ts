import type { Employee, LearningActivity, LearningMethod } from '@bangkom/domain';
import { learningMethodCodes } from '@bangkom/domain';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import { hashPassword } from './auth.js';
import type { Db } from './db/index.js';
import { rowsOf } from './db/index.js';
import { storedActivity } from './db/records.js';
import { activities, employees, evidenceFiles, units, users } from './db/schema.js';

/** Demo logins printed at start; every demo account has this password. */
export const DEMO_PASSWORD = 'bangkom-demo';
export const DEMO_USERS = ['pegawai', 'atasan', 'adminunit', 'adminsdm', 'auditor'] as const;

const UNITS = [
  ['sekretariat', 'Sekretariat'],
  ['bina-marga', 'Bidang Bina Marga'],
  ['sda', 'Bidang Sumber Daya Air'],
  ['cipta-karya', 'Bidang Cipta Karya'],
  ['tata-ruang', 'Bidang Tata Ruang'],
  ['upt-alat', 'UPT Peralatan dan Perbengkelan'],
] as const;
const GIVEN = [
  'Agus',
  'Budi',
  'Siti',
  'Dewi',
  'Hendra',
  'Maria',
  'Yohanes',
  'Rina',
  'Petrus',
  'Lina',
  'Rudi',
  'Sri',
  'Andi',
  'Fitri',
  'Yusuf',
  'Nur',
  'Dedi',
  'Wati',
  'Joko',
  'Ani',
];
const FAMILY = [
  'Setiawan',
  'Rahmawati',
  'Santoso',
  'Lestari',
  'Gunawan',
  'Ngau',
  'Lung',
  'Oktaviani',
  'Bilung',
  'Marlina',
  'Hartono',
  'Wahyuni',
  'Pratama',
  'Sari',
  'Hidayat',
  'Aini',
  'Kurniawan',
  'Handayani',
  'Susilo',
  'Purnama',
];

/** Deterministic pseudo-random numbers (mulberry32), so the demo office is the same on every machine. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Inputs a method needs so that the JP engine can convert it. */
function methodInputs(method: LearningMethod, r: () => number): Partial<LearningActivity> {
  switch (method) {
    case 'coaching':
    case 'mentoring':
      return { sessions: 1 + Math.floor(r() * 3) };
    case 'bimbingan_di_tempat_kerja':
      return { sessions: 1 };
    case 'belajar_mandiri':
      return { hours: 1 + Math.floor(r() * 3) };
    case 'magang':
      return { hours: 8 + Math.floor(r() * 24) };
    case 'kursus':
    case 'penataran':
    case 'bimbingan_teknis':
    case 'pelatihan_jarak_jauh':
      return { programmeJp: 8 + Math.floor(r() * 5) * 4 };
    case 'pelatihan_struktural_kepemimpinan':
    case 'pelatihan_dasar':
    case 'pelatihan_manajerial':
    case 'pelatihan_teknis':
    case 'pelatihan_fungsional':
    case 'pelatihan_sosial_kultural':
    case 'klasikal_lainnya':
    case 'nonklasikal_lainnya':
      return { statedJp: 8 + Math.floor(r() * 8) * 4 };
    default:
      return {};
  }
}

/** The sample certificate the demo activities carry as evidence: a real PDF that says it is a sample. */
function demoCertificate(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: 'Sertifikat contoh', CreationDate: new Date(Date.UTC(2025, 0, 1)) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(28).text('SERTIFIKAT', { align: 'center' }).moveDown();
    doc.font('Helvetica').fontSize(14).text('Contoh bukti untuk data demo Bangkom.', { align: 'center' });
    doc.text('Sample evidence for the Bangkom demo data.', { align: 'center' });
    doc.end();
  });
}

/** Seeds a fictional office (units, ~200 employees of all kinds, a year of activities in every state) when the database is empty. */
export async function seedDemo(db: Db, options: { employees?: number; year?: number } = {}): Promise<{ seeded: boolean }> {
  const existing = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM users`))[0]?.n ?? 0;
  if (existing > 0) return { seeded: false };
  const r = prng(20_250_101);
  const count = options.employees ?? 200;
  const year = options.year ?? new Date().getUTCFullYear();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const certificate = await demoCertificate();
  // Each activity its own file (the sample with the activity's id in a trailing PDF comment): one
  // file on two records is what the duplicate warning flags, and demo records are no duplicates.
  const certificateOf = (id: string) => {
    const content = new Uint8Array([...certificate, ...new TextEncoder().encode(`\n% ${id}\n`)]);
    return { content, sha256: createHash('sha256').update(content).digest('hex') };
  };
  const files: (typeof evidenceFiles.$inferInsert)[] = [];
  const people: { employee: Employee; id: string; unitId: string; supervisorId: string | null }[] = [];
  const heads = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const unitId = UNITS[i % UNITS.length]![0];
    const head = !heads.has(unitId);
    const kind: Employee['kind'] = head ? 'PNS' : r() < 0.75 ? 'PNS' : r() < 0.72 ? 'PPPK' : 'TKK';
    const birthYear = 1966 + Math.floor(r() * 34);
    const birth = `${birthYear}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
    const gender = r() < 0.5 ? 'L' : 'P';
    const tmtYear = Math.min(year - 1, birthYear + 22 + Math.floor(r() * 8));
    const tmtMonth = 1 + Math.floor(r() * 12);
    const serial = pad((i % 999) + 1, 3);
    const nip = `${birth.replaceAll('-', '')}${tmtYear}${pad(tmtMonth)}${gender === 'L' ? 1 : 2}${serial}`;
    const id =
      kind === 'PNS'
        ? nip
        : kind === 'PPPK'
          ? `${birth.replaceAll('-', '')}${tmtYear}2${1 + Math.floor(r() * 3)}${gender === 'L' ? 1 : 2}${serial}`
          : `TKK-${pad(i + 1, 4)}`;
    const level = head
      ? 'administrator'
      : kind === 'TKK'
        ? undefined
        : (['pelaksana', 'pengawas', 'jf_ahli_pertama', 'jf_ahli_muda', 'jf_keterampilan'] as const)[Math.floor(r() * 5)];
    const positionKind = level === undefined ? undefined : level.startsWith('jf_') ? 'fungsional' : 'administrasi';
    const name = `${GIVEN[Math.floor(r() * GIVEN.length)]} ${FAMILY[Math.floor(r() * FAMILY.length)]}`;
    const employee: Employee = {
      name,
      kind,
      ...(kind === 'PNS'
        ? { nip: id, tmtPns: `${tmtYear + 1}-${pad(tmtMonth)}-01` }
        : kind === 'PPPK'
          ? { nipppk: id }
          : { internalId: id }),
      ...(level ? { positionLevel: level, positionKind } : {}),
      positionTitle: head ? `Kepala ${UNITS[i % UNITS.length]![1]}` : 'Staf',
      unit: UNITS[i % UNITS.length]![1],
      birthPlace: 'Sendawar',
      birthDate: birth,
      gender,
      education: (['SMA', 'D3', 'S1', 'S1', 'S2'] as const)[Math.floor(r() * 5)],
    } as Employee;
    if (head) heads.set(unitId, id);
    people.push({ employee, id, unitId, supervisorId: head ? null : heads.get(unitId)! });
  }
  await db.transaction(async (tx) => {
    await tx.insert(units).values(UNITS.map(([id, name]) => ({ id, name })));
    for (const p of people.filter((x) => x.supervisorId === null))
      await tx.insert(employees).values({
        id: p.id,
        kind: p.employee.kind,
        name: p.employee.name,
        unitId: p.unitId,
        supervisorId: null,
        data: { ...p.employee },
      });
    const rest = people.filter((x) => x.supervisorId !== null);
    for (let i = 0; i < rest.length; i += 50) {
      await tx.insert(employees).values(
        rest.slice(i, i + 50).map((p) => ({
          id: p.id,
          kind: p.employee.kind,
          name: p.employee.name,
          unitId: p.unitId,
          supervisorId: p.supervisorId,
          data: { ...p.employee, ...(p.supervisorId ? { supervisorNip: p.supervisorId } : {}) },
        })),
      );
    }
    const rows: (typeof activities.$inferInsert)[] = [];
    let n = 1;
    const lastMonth = Math.max(1, Math.min(11, new Date().getUTCFullYear() === year ? new Date().getUTCMonth() : 11));
    for (const p of people) {
      const howMany = p.employee.kind === 'TKK' ? Math.floor(r() * 2) : 1 + Math.floor(r() * 7);
      for (let k = 0; k < howMany; k++) {
        const method = learningMethodCodes[Math.floor(r() * learningMethodCodes.length)]!;
        const month = 1 + Math.floor(r() * lastMonth);
        const day = 1 + Math.floor(r() * 25);
        const span = ['seminar', 'workshop', 'sosialisasi', 'komunitas_belajar'].includes(method)
          ? Math.floor(r() * 2)
          : ['kursus', 'penataran', 'bimbingan_teknis', 'magang', 'e_learning'].includes(method)
            ? Math.floor(r() * 3)
            : 0;
        const start = `${year}-${pad(month)}-${pad(day)}`;
        const end = `${year}-${pad(month)}-${pad(day + span)}`;
        const roll = r();
        const status = roll < 0.62 ? 'verified' : roll < 0.78 ? 'submitted' : roll < 0.9 ? 'draft' : 'rejected';
        const id = `ACT-${year}-${pad(n++, 5)}`;
        const data: LearningActivity = {
          id,
          nip: p.id,
          method,
          title: `${method.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase())} ${UNITS.find((u) => u[0] === p.unitId)![1]}`,
          organizer: r() < 0.5 ? 'Balai Diklat PUPR Wilayah IV' : 'Dinas PUPR Kabupaten Contoh',
          international: r() < 0.05,
          startDate: start,
          endDate: end,
          runByWorkUnit: false,
          competencyType: (['teknis', 'teknis', 'manajerial', 'sosial_kultural'] as const)[Math.floor(r() * 4)],
          evidence: { kind: 'sertifikat', number: `${pad(n, 4)}/SERT/${year}`, date: end },
          status,
          ...methodInputs(method, r),
        };
        // Drafts may still lack their file; whatever was submitted carries the sample certificate.
        const file = status !== 'draft' ? certificateOf(id) : null;
        if (file) {
          files.push({ sha256: file.sha256, mediaType: 'application/pdf', size: file.content.length, content: file.content });
          data.evidence = {
            ...data.evidence!,
            file: { name: 'sertifikat.pdf', sha256: file.sha256, size: file.content.length, mediaType: 'application/pdf' },
          };
        }
        rows.push({
          id,
          employeeId: p.id,
          status,
          data: storedActivity(data),
          evidenceSha256: file?.sha256 ?? null,
          evidenceName: file ? 'sertifikat.pdf' : null,
          supervisorApproved: status === 'verified' ? true : null,
          // Submitted a few days after the end (never in the future): the review queue's date and age.
          submittedAt: status === 'draft' ? null : new Date(Math.min(Date.parse(`${end}T02:00:00Z`) + 3 * 86_400_000, Date.now())),
          rejectReason: status === 'rejected' ? 'Bukti dukung tidak sesuai / Evidence does not match' : null,
        });
      }
    }
    for (let i = 0; i < files.length; i += 100) await tx.insert(evidenceFiles).values(files.slice(i, i + 100));
    for (let i = 0; i < rows.length; i += 100) await tx.insert(activities).values(rows.slice(i, i + 100));
    const bina = people.filter((p) => p.unitId === 'bina-marga');
    const head = bina.find((p) => p.supervisorId === null)!;
    const staff = bina.find((p) => p.supervisorId !== null && p.employee.kind === 'PNS')!;
    await tx.insert(users).values([
      { username: 'pegawai', passwordHash, role: 'pegawai', employeeId: staff.id, unitId: 'bina-marga' },
      { username: 'atasan', passwordHash, role: 'atasan', employeeId: head.id, unitId: 'bina-marga' },
      {
        username: 'adminunit',
        passwordHash,
        role: 'admin_unit',
        employeeId: bina.find((p) => p !== head && p !== staff && p.employee.kind !== 'TKK')!.id,
        unitId: 'bina-marga',
      },
      {
        username: 'adminsdm',
        passwordHash,
        role: 'admin_sdm',
        employeeId: people.find((p) => p.unitId === 'sekretariat' && p.supervisorId !== null && p.employee.kind === 'PNS')!.id,
        unitId: 'sekretariat',
      },
      { username: 'auditor', passwordHash, role: 'auditor', employeeId: null, unitId: null },
    ]);
  });
  return { seeded: true };
}
