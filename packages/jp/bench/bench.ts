/**
 * Benchmark: 1,000,000 activities for 50,000 employees, mixed methods → yearly summaries.
 * Prints throughput, peak memory and the ratios (wall and CPU time) to a baseline of JSON.parse plus
 * one pass summing statedJp over the same input. Targets: ratio ≤ 1.5, memory under 1 GiB. On a
 * machine shared with other work, CPU time varies less than wall time: compare the CPU ratio.
 * The input is generated once into a temporary file; the baseline and the engine each run in a
 * fresh process that reads it, so each peak memory figure is that run's own.
 * Runs against the built package (dist), as installed users run it.
 * Run: npm run bench -w @bangkom/jp  (options: --activities N --employees N)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { learningMethodCodes } from '@bangkom/domain';
import { computeJp } from '@bangkom/jp';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** One measured run in this (child) process: prints `{ ms, cpuMs, computeMs?, maxRss }` as JSON. */
function child(kind: string, file: string): void {
  const text = readFileSync(file, 'utf8');
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let computeMs: number | undefined;
  if (kind === 'baseline') {
    const parsed = JSON.parse(text) as { activities: { statedJp: number }[] };
    let sum = 0;
    for (const a of parsed.activities) sum += a.statedJp;
    if (sum < 0) throw new Error('impossible');
  } else {
    const parsed = JSON.parse(text);
    const computeStart = performance.now();
    const result = computeJp(parsed, { trusted: true, trace: false, year: 2025 });
    computeMs = performance.now() - computeStart;
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(JSON.stringify({ ms, cpuMs, computeMs, maxRss: process.resourceUsage().maxRSS * 1024 }));
}

function generate(activities: number, employees: number): string {
  // Deterministic pseudo-random input (mulberry32), every method with the inputs its rule needs.
  let seed = 42;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const nips = Array.from({ length: employees }, (_, i) => `1985031220100${1 + (i % 2)}${String(i).padStart(5, '0')}`);
  const parts: string[] = [];
  for (let i = 0; i < activities; i++) {
    const date = `2025-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 26))}`;
    parts.push(
      JSON.stringify({
        id: `A${i}`,
        nip: nips[i % employees],
        method: learningMethodCodes[Math.floor(random() * learningMethodCodes.length)],
        title: 'Kegiatan',
        international: random() < 0.1,
        startDate: date,
        endDate: date,
        sessions: 1 + Math.floor(random() * 3),
        hours: 1 + Math.floor(random() * 8),
        programmeJp: 8 + Math.floor(random() * 32),
        statedJp: 2 + Math.floor(random() * 30),
        runByWorkUnit: false,
        status: random() < 0.9 ? 'verified' : 'submitted',
      }),
    );
  }
  return `{"activities":[${parts.join(',')}]}`;
}

const childIndex = process.argv.indexOf('--child');
if (childIndex !== -1) {
  child(process.argv[childIndex + 1]!, process.argv[childIndex + 2]!);
} else {
  const activities = arg('activities', 1_000_000);
  const employees = arg('employees', 50_000);
  const dir = mkdtempSync(join(tmpdir(), 'bangkom-bench-'));
  const file = join(dir, 'input.json');
  const text = generate(activities, employees);
  writeFileSync(file, text);
  console.log(
    `input: ${activities.toLocaleString('en')} activities, ${employees.toLocaleString('en')} employees, ${mb(text.length)} of JSON`,
  );
  const measure = (kind: string) => {
    const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--child', kind, file], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout) as { ms: number; cpuMs: number; computeMs?: number; maxRss: number };
  };
  const baseline = measure('baseline');
  const engine = measure('engine');
  if (!process.env['BANGKOM_BENCH_KEEP']) rmSync(dir, { recursive: true, force: true });
  else console.log(`input kept at ${file}`);
  console.log(
    `baseline (JSON.parse + sum statedJp): ${baseline.ms.toFixed(0)} ms (CPU ${baseline.cpuMs.toFixed(0)} ms), peak memory ${mb(baseline.maxRss)}`,
  );
  console.log(
    `engine (JSON.parse + convert + limits + summaries): ${engine.ms.toFixed(0)} ms (CPU ${engine.cpuMs.toFixed(0)} ms), of which without JSON.parse ${engine.computeMs!.toFixed(0)} ms`,
  );
  console.log(`throughput: ${Math.round(activities / (engine.ms / 1000)).toLocaleString('en')} activities/s`);
  console.log(
    `ratio engine/baseline: ${(engine.ms / baseline.ms).toFixed(2)} wall, ${(engine.cpuMs / baseline.cpuMs).toFixed(2)} CPU (target ≤ 1.5); load average ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(`peak memory of the engine run (process max RSS, input text included): ${mb(engine.maxRss)} (target < 1024 MiB)`);
}
