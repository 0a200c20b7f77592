/**
 * Benchmark of `bangkom jp` at agency scale. Generates inputs of 10,000 / 100,000 / 1,000,000
 * activities (20 per employee, all 26 methods, 10% PPPK) with its own generator, as JSON, NDJSON
 * and CSV, then runs each path in a fresh process and prints wall time, the ratio to the baseline
 * (JSON.parse of the same JSON file plus one pass over its activities) and peak RSS.
 * Targets (printed, not asserted): 1,000,000 activities with JSON and NDJSON output under 1 GiB
 * and within 2.5× the baseline; the bulk engine within 1.5×; 10,000 activities end to end < 1 s.
 *
 * Run: npm run bench -w @bangkom/cli [-- --sizes 10000,100000] [--dir DIR (keep and reuse the inputs)] [--only TEXT]   (builds the CLI first; the
 * engine packages must be built: npx turbo run build --filter=./packages/*)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = join(here, '..', 'bin', 'bangkom.mjs');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const sizes = arg('sizes', '10000,100000,1000000').split(',').map(Number);
/** `--only text`: run only the CLI paths whose label contains it (the baseline and bulk always run). */
const only = arg('only', '');
/** `--dir DIR`: keep the generated inputs there and reuse them on the next run (default: a temporary folder, removed). */
const keepDir = arg('dir', '');
const MiB = 1024 * 1024;

const METHODS = [
  'pelatihan_struktural_kepemimpinan',
  'pelatihan_dasar',
  'pelatihan_manajerial',
  'pelatihan_teknis',
  'pelatihan_fungsional',
  'pelatihan_sosial_kultural',
  'seminar',
  'workshop',
  'kursus',
  'penataran',
  'bimbingan_teknis',
  'sosialisasi',
  'klasikal_lainnya',
  'coaching',
  'mentoring',
  'e_learning',
  'pelatihan_jarak_jauh',
  'detasering',
  'outbound',
  'benchmarking',
  'pertukaran_pegawai',
  'belajar_mandiri',
  'komunitas_belajar',
  'bimbingan_di_tempat_kerja',
  'magang',
  'nonklasikal_lainnya',
];
const CSV_FIELDS = [
  'id',
  'nip',
  'method',
  'title',
  'international',
  'startDate',
  'endDate',
  'sessions',
  'hours',
  'programmeJp',
  'statedJp',
  'status',
];

/** xorshift32: deterministic, independent of the engine's own bench. */
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}
const pad = (n, w = 2) => String(n).padStart(w, '0');

function writer(path) {
  const stream = createWriteStream(path);
  let parts = [];
  let size = 0;
  return {
    async write(text) {
      parts.push(text);
      size += text.length;
      if (size > 1 << 20) {
        const ok = stream.write(parts.join(''));
        parts = [];
        size = 0;
        if (!ok) await new Promise((r) => stream.once('drain', r));
      }
    },
    async end() {
      stream.write(parts.join(''));
      await new Promise((r) => stream.end(r));
    },
  };
}

/** Writes the three inputs of one size; returns their paths. */
async function generate(dir, count) {
  const paths = {
    json: join(dir, `in-${count}.json`),
    ndjson: join(dir, `in-${count}.ndjson`),
    csv: join(dir, `in-${count}.csv`),
    employees: join(dir, `employees-${count}.json`),
  };
  if (keepDir && Object.values(paths).every((p) => existsSync(p))) return paths;
  const rand = random(count);
  const employeeCount = Math.max(1, Math.round(count / 20));
  const employees = [];
  for (let i = 0; i < employeeCount; i++) {
    // Unique NIPs: the sequence and the birth date together encode i.
    const block = Math.floor(i / 999);
    const birthYear = 1965 + (block % 20);
    const birth = `${birthYear}${pad(1 + (block % 12))}${pad(1 + (Math.floor(block / 12) % 28))}`;
    const pppk = i % 10 === 9;
    const tmtYear = birthYear + 22 + (i % 5);
    const gender = 1 + (i % 2);
    const serial = pad(1 + (i % 999), 3);
    // NIP: birth date, CPNS month, gender, serial. NI PPPK: birth date, TMT year, 2 (PPPK), 1st appointment, gender, serial.
    const id = pppk ? `${birth}${tmtYear}21${gender}${serial}` : `${birth}${tmtYear}${pad(1 + (i % 12))}${gender}${serial}`;
    employees.push(
      pppk
        ? { nipppk: id, name: `Pegawai ${i}`, kind: 'PPPK', unit: `Unit ${i % 40}` }
        : {
            nip: id,
            name: `Pegawai ${i}`,
            kind: 'PNS',
            unit: `Unit ${i % 40}`,
            birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
            gender: i % 2 ? 'P' : 'L',
          },
    );
  }
  const json = writer(join(dir, `in-${count}.json`));
  const ndjson = writer(join(dir, `in-${count}.ndjson`));
  const csv = writer(join(dir, `in-${count}.csv`));
  await json.write(`{"employees":${JSON.stringify(employees)},"activities":[`);
  await csv.write(CSV_FIELDS.join(',') + '\n');
  for (let i = 0; i < count; i++) {
    const e = employees[Math.floor(rand() * employeeCount)];
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 25);
    const span = rand() < 0.7 ? 0 : Math.floor(rand() * 3);
    const a = {
      id: `K${i}`,
      nip: e.nip ?? e.nipppk,
      method: METHODS[Math.floor(rand() * METHODS.length)],
      title: `Kegiatan ${i % 97}`,
      international: rand() < 0.05,
      startDate: `2025-${pad(month)}-${pad(day)}`,
      endDate: `2025-${pad(month)}-${pad(day + span)}`,
      sessions: 1 + Math.floor(rand() * 4),
      hours: 1 + Math.floor(rand() * 16),
      programmeJp: 4 + Math.floor(rand() * 40),
      statedJp: 1 + Math.floor(rand() * 30),
      status: rand() < 0.9 ? 'verified' : 'submitted',
    };
    const text = JSON.stringify(a);
    await json.write(i === 0 ? text : `,${text}`);
    await ndjson.write(text + '\n');
    await csv.write(CSV_FIELDS.map((f) => a[f]).join(',') + '\n');
  }
  await json.write(']}');
  await Promise.all([json.end(), ndjson.end(), csv.end()]);
  const employeesFile = join(dir, `employees-${count}.json`);
  const emp = writer(employeesFile);
  await emp.write(JSON.stringify(employees));
  await emp.end();
  return paths;
}

const BASELINE = `
const text = require('node:fs').readFileSync(process.argv[1], 'utf8');
const input = JSON.parse(text);
let sum = 0;
for (const a of input.activities) sum += a.statedJp;
if (sum < 0) process.exit(9);`;
const BULK = `
import { readFileSync } from 'node:fs';
import { computeJp } from '@bangkom/jp';
const input = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const result = computeJp(input, { trusted: true, trace: false, year: 2025 });
if (!result.ok) process.exit(9);`;

/** Runs a command under /usr/bin/time; returns wall seconds, CPU seconds, peak RSS in bytes and the load average (1 min) at its start. */
function measure(args) {
  const load = loadavg()[0];
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', ...args], { cwd: here, encoding: 'utf8', maxBuffer: 16 * MiB });
  const last = run.stderr.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}):\n${run.stderr.slice(-2000)}`);
  const [wall, rss, user, system] = last.split(' ').map(Number);
  return { wall, rss: rss * 1024, cpu: user + system, load, stderr: run.stderr };
}

/** Reads an output back with a streaming reader (line by line); returns the number of results. */
async function verify(path, format) {
  let results = 0;
  let section = '';
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (format === 'ndjson') {
      if (JSON.parse(line).type === 'result') results++;
    } else if (line.startsWith('  "')) section = line.slice(3, line.indexOf('"', 3));
    else if (line.startsWith('    {')) {
      JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
      if (section === 'results') results++;
    }
  }
  return results;
}

const dir = keepDir || mkdtempSync(join(tmpdir(), 'bangkom-cli-bench-'));
if (keepDir) mkdirSync(keepDir, { recursive: true });
try {
  execFileSync(process.execPath, [bin, '--version']);
  const rows = [];
  for (const count of sizes) {
    const files = await generate(dir, count);
    const out = join(dir, 'out');
    const base = measure([process.execPath, '-e', BASELINE, files.json]);
    const bulk = measure([process.execPath, '--input-type=module', '-e', BULK, files.json]);
    /** The trace `bangkom jp` gives without `--trace`: full up to 32 MiB of input, summary above (README). */
    const defaultTrace = (inputs) => (inputs.reduce((n, f) => n + statSync(f).size, 0) <= 32 * MiB ? 'full' : 'summary');
    const cli = async (label, input, format, extra = []) => {
      if (!label.includes(only)) return undefined;
      const m = measure([process.execPath, bin, 'jp', input, '--year', '2025', '--format', format, '--out', out, ...extra]);
      const given = extra.indexOf('--trace');
      const employees = extra.indexOf('--employees');
      const trace = given >= 0 ? extra[given + 1] : defaultTrace([input, ...(employees >= 0 ? [extra[employees + 1]] : [])]);
      // Each output is read back by a streaming reader: every result is there and is valid JSON.
      const results = await verify(out, format);
      if (results !== count) throw new Error(`${label}: output holds ${results} results, expected ${count}`);
      return { label, m, format, trace, outSize: statSync(out).size };
    };
    const runs = [
      await cli('bangkom jp JSON → JSON', files.json, 'json'),
      await cli('bangkom jp JSON → NDJSON', files.json, 'ndjson'),
      await cli('bangkom jp NDJSON → NDJSON', files.ndjson, 'ndjson', ['--employees', files.employees]),
      await cli('bangkom jp CSV → JSON', files.csv, 'json', ['--employees', files.employees]),
      await cli('bangkom jp JSON → JSON', files.json, 'json', ['--trace', 'none']),
    ].filter(Boolean);
    rows.push({ count, label: 'baseline: JSON.parse + one pass', trace: '', m: base });
    rows.push({ count, label: 'computeJp bulk (trusted)', trace: 'none', m: bulk });
    for (const r of runs) rows.push({ count, label: r.label, trace: r.trace, m: r.m });
    for (const row of rows.filter((r) => r.count === count)) {
      row.ratio = row.m.wall / base.wall;
      row.cpuRatio = row.m.cpu / base.cpu;
    }
    console.error(`${count.toLocaleString('en')} done`);
  }
  // CPU time (user + system) is also shown: on a machine shared with other work it varies less than wall time.
  console.log('| activities | path | trace | wall | × baseline | CPU | × baseline (CPU) | peak RSS | load |');
  console.log('|---:|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.count.toLocaleString('en')} | ${r.label} | ${r.trace} | ${r.m.wall.toFixed(2)} s | ${r.ratio.toFixed(2)} | ${r.m.cpu.toFixed(2)} s | ${r.cpuRatio.toFixed(2)} | ${(r.m.rss / MiB).toFixed(0)} MiB | ${r.m.load.toFixed(1)} |`,
    );
  }
  console.log(
    '\nTargets: 1,000,000 activities, JSON and NDJSON output: peak RSS < 1024 MiB, wall ≤ 2.5× baseline; computeJp bulk ≤ 1.5×; 10,000 end to end < 1 s.',
  );
  for (const r of rows) {
    if (r.label.startsWith('computeJp') && r.count >= 1_000_000)
      console.log(`${r.count.toLocaleString('en')} ${r.label}: ${r.ratio <= 1.5 ? 'ratio ok' : 'RATIO OVER'}`);
    if (!r.label.startsWith('bangkom')) continue;
    const notes = [];
    if (r.count >= 1_000_000) notes.push(r.m.rss < 1024 * MiB ? 'memory ok' : 'MEMORY OVER', r.ratio <= 2.5 ? 'ratio ok' : 'RATIO OVER');
    if (r.count <= 10_000) notes.push(r.m.wall < 1 ? 'under 1 s' : 'OVER 1 s');
    if (notes.length > 0) console.log(`${r.count.toLocaleString('en')} ${r.label} (trace ${r.trace}): ${notes.join(', ')}`);
  }
} finally {
  if (keepDir) rmSync(join(dir, 'out'), { force: true });
  else rmSync(dir, { recursive: true, force: true });
}
