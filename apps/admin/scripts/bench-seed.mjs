// Benchmark data in set-based SQL (generate_series, not the app's per-row path), shared by the
// benchmark (bench.mjs) and the tests that need an agency of realistic size: U units, N employees
// (80 % PNS, 10 % PPPK, 10 % TKK; the first PNS of each unit everyone's superior there) and M
// activities over four years ending in `year` (each block of N activities gives every employee
// one, the blocks' years in turn), in every status (62 % verified, 16 % submitted, 12 % draft,
// 10 % rejected). Ids are deterministic: employee i is NIP 198001012005011000 + i
// (TKK-00000i for every tenth), in unit U00(1 + i % U).

/**
 * Units and employees.
 * @param {{ employees: number, units: number }} size
 */
export function employeesSql({ employees, units }) {
  return `
INSERT INTO units (id, name) SELECT 'U' || lpad(u::text, 3, '0'), 'Unit Kerja ' || lpad(u::text, 3, '0') FROM generate_series(1, ${units}) u;
INSERT INTO employees (id, kind, name, unit_id, supervisor_id, data)
SELECT id, kind, name, unit_id, NULL,
  jsonb_build_object('name', name, 'kind', kind, CASE kind WHEN 'PNS' THEN 'nip' WHEN 'PPPK' THEN 'nipppk' ELSE 'internalId' END, id,
    'unit', 'Unit Kerja ' || substr(unit_id, 2), 'positionTitle', 'Staf', 'birthPlace', 'Jakarta', 'birthDate', '1980-01-01',
    'gender', CASE WHEN i % 2 = 0 THEN 'L' ELSE 'P' END)
FROM (
  SELECT i,
    CASE WHEN i % 10 = 8 THEN 'PPPK' WHEN i % 10 = 9 THEN 'TKK' ELSE 'PNS' END AS kind,
    CASE WHEN i % 10 = 9 THEN 'TKK-' || lpad(i::text, 6, '0') ELSE (198001012005011000 + i)::text END AS id,
    'Pegawai ' || lpad(i::text, 6, '0') AS name,
    'U' || lpad((1 + i % ${units})::text, 3, '0') AS unit_id
  FROM generate_series(1, ${employees}) i
) e;
-- The first employee of each unit heads it and is everyone else's superior there.
UPDATE employees e SET supervisor_id = h.id,
  data = e.data || jsonb_build_object('supervisorNip', h.id)
FROM (SELECT unit_id, min(id) FILTER (WHERE kind = 'PNS') AS id FROM employees GROUP BY unit_id) h
WHERE e.unit_id = h.unit_id AND e.id <> h.id;
`;
}

/**
 * Activities `from` … `to` (1-based) of an agency of `employees` employees: one statement per slice.
 * @param {{ employees: number, year: number, from: number, to: number }} slice
 */
export function activitiesSql({ employees, year, from, to }) {
  return `
INSERT INTO activities (id, employee_id, status, data, supervisor_approved, updated_at)
SELECT id, employee_id, status,
  jsonb_build_object('id', id, 'nip', employee_id, 'method', method, 'title', 'Kegiatan ' || method || ' ' || i,
    'organizer', 'Balai Diklat', 'international', false, 'startDate', day, 'endDate', day, 'runByWorkUnit', false,
    'competencyType', 'teknis', 'evidence', jsonb_build_object('kind', 'sertifikat'), 'status', status)
  || CASE method WHEN 'pelatihan_teknis' THEN jsonb_build_object('statedJp', 8 + (i % 5) * 4)
                 WHEN 'kursus' THEN jsonb_build_object('programmeJp', 8 + (i % 4) * 4)
                 WHEN 'coaching' THEN jsonb_build_object('sessions', 1 + i % 3)
                 ELSE '{}'::jsonb END,
  CASE WHEN status = 'verified' THEN true END,
  timestamptz '2025-12-31' - (i || ' minutes')::interval
FROM (
  SELECT i, 'ACT-' || lpad(i::text, 8, '0') AS id,
    CASE WHEN (1 + (i * 7919) % ${employees}) % 10 = 9 THEN 'TKK-' || lpad((1 + (i * 7919) % ${employees})::text, 6, '0')
      ELSE (198001012005011000 + 1 + (i * 7919) % ${employees})::text END AS employee_id,
    (ARRAY['pelatihan_teknis', 'kursus', 'seminar', 'coaching', 'workshop'])[1 + i % 5] AS method,
    CASE WHEN i % 100 < 62 THEN 'verified' WHEN i % 100 < 78 THEN 'submitted' WHEN i % 100 < 90 THEN 'draft' ELSE 'rejected' END AS status,
    to_char(date '${year}-01-01' - (((i - 1) / ${employees}) % 4 * 365)::int + (i % 300)::int, 'YYYY-MM-DD') AS day
  FROM generate_series(${from}::bigint, ${to}::bigint) i
) a;`;
}

/**
 * All activities, in statements of `chunk` rows (each a few seconds at 200,000).
 * @param {{ employees: number, activities: number, year: number, chunk?: number }} size
 */
export function activitySlices({ employees, activities, year, chunk = 200_000 }) {
  /** @type {{ to: number, sql: string }[]} */
  const slices = [];
  for (let from = 1; from <= activities; from += chunk) {
    const to = Math.min(activities, from + chunk - 1);
    slices.push({ to, sql: activitiesSql({ employees, year, from, to }) });
  }
  return slices;
}
