/**
 * Benchmark: 1,000,000 activities for 50,000 employees, mixed methods → yearly summaries.
 * Prints throughput, peak memory and the ratio to a baseline of JSON.parse plus one pass summing
 * statedJp over the same input. Targets: ratio ≤ 3, under 2 s, memory under 1 GiB.
 * Runs against the built package (dist), as installed users run it.
 * Run: npm run bench -w @bangkom/jp  (options: --activities N --employees N)
 */
import { learningMethodCodes } from '@bangkom/domain';
import { computeJp } from '@bangkom/jp';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const ACTIVITIES = arg('activities', 1_000_000);
const EMPLOYEES = arg('employees', 50_000);

// Deterministic pseudo-random input (mulberry32), every method with the inputs its rule needs.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pad = (n: number) => String(n).padStart(2, '0');
const nips = Array.from({ length: EMPLOYEES }, (_, i) => `19850312201001${1 + (i % 2)}${String(i).padStart(3, '0').slice(-3)}-${i}`);
const activities = [];
for (let i = 0; i < ACTIVITIES; i++) {
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 26);
  const date = `2025-${pad(month)}-${pad(day)}`;
  const method = learningMethodCodes[Math.floor(random() * learningMethodCodes.length)]!;
  activities.push({
    id: `A${i}`,
    nip: nips[i % EMPLOYEES]!,
    method,
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
  });
}
const text = JSON.stringify({ activities });
activities.length = 0;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
console.log(`input: ${ACTIVITIES.toLocaleString('en')} activities, ${EMPLOYEES.toLocaleString('en')} employees, ${mb(text.length)} of JSON`);

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
};

// Baseline: parse and one pass summing statedJp.
const [baselineSum, baselineMs] = time(() => {
  const parsed = JSON.parse(text) as { activities: { statedJp: number }[] };
  let sum = 0;
  for (const a of parsed.activities) sum += a.statedJp;
  return sum;
});

// Engine: parse, convert every activity, cross-record limits, yearly summaries (no traces).
const [result, engineMs] = time(() => {
  const parsed = JSON.parse(text);
  return computeJp(parsed, { trusted: true, trace: false, year: 2025 });
});
if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
const peak = process.resourceUsage().maxRSS * 1024;
// The engine alone, on input already in memory (what a server holding rows pays).
const parsedAgain = JSON.parse(text);
const [, computeOnlyMs] = time(() => computeJp(parsedAgain, { trusted: true, trace: false, year: 2025 }));

const compliant = result.value.summaries.filter((s) => s.compliant).length;
console.log(`baseline (JSON.parse + sum statedJp): ${baselineMs.toFixed(0)} ms (sum ${baselineSum})`);
console.log(`engine (JSON.parse + convert + limits + summaries): ${engineMs.toFixed(0)} ms`);
console.log(`engine without JSON.parse: ${computeOnlyMs.toFixed(0)} ms`);
console.log(`throughput: ${Math.round(ACTIVITIES / (engineMs / 1000)).toLocaleString('en')} activities/s`);
console.log(`ratio engine/baseline: ${(engineMs / baselineMs).toFixed(2)} (target ≤ 3)`);
console.log(`time target < 2000 ms: ${engineMs < 2000 ? 'met' : 'NOT met'}`);
console.log(`peak memory (max RSS of the whole run, input generation included): ${mb(peak)} (target < 1024 MiB)`);
console.log(`summaries: ${result.value.summaries.length.toLocaleString('en')}, compliant: ${compliant.toLocaleString('en')}`);
