/**
 * The database schema, as SQL migrations applied in order, each once, each in a transaction
 * (`migrate` in ./index.ts). They are TypeScript strings so that the built server carries them.
 * Never edit an applied migration: add the next one.
 */
export const migrations: readonly { name: string; sql: string }[] = [
  {
    name: '0001_init.sql',
    sql: /* sql */ `
CREATE TABLE units (
  id text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE employees (
  id text PRIMARY KEY,                 -- NIP (PNS), NIPPPK (PPPK) or internal id (TKK)
  kind text NOT NULL CHECK (kind IN ('PNS', 'PPPK', 'TKK')),
  name text NOT NULL,
  unit_id text NOT NULL REFERENCES units(id),
  supervisor_id text REFERENCES employees(id),
  data jsonb NOT NULL                  -- the Employee record of @bangkom/domain
);
CREATE INDEX employees_unit ON employees(unit_id);
CREATE INDEX employees_supervisor ON employees(supervisor_id);

CREATE TABLE users (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,         -- scrypt$N$r$p$salt$hash
  role text NOT NULL CHECK (role IN ('pegawai', 'atasan', 'admin_unit', 'admin_sdm', 'auditor')),
  employee_id text REFERENCES employees(id),
  unit_id text REFERENCES units(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,            -- SHA-256 of the cookie value; the value itself is never stored
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);

CREATE TABLE evidence_files (
  sha256 text PRIMARY KEY,             -- content address
  media_type text NOT NULL,
  size integer NOT NULL,
  content bytea NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE activities (
  id text PRIMARY KEY,
  employee_id text NOT NULL REFERENCES employees(id),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'verified', 'rejected')),
  data jsonb NOT NULL,                 -- the LearningActivity record of @bangkom/domain
  evidence_sha256 text REFERENCES evidence_files(sha256),
  evidence_name text,
  supervisor_approved boolean,
  jp_override numeric,
  jp_override_reason text,
  reject_reason text,
  created_by integer REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activities_employee ON activities(employee_id);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
INSERT INTO settings (key, value) VALUES ('ruleProfile', '"kutai-barat-2024"');

-- Append-only audit log: who, when, what, before/after. UPDATE and DELETE are refused by trigger.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer,
  username text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
`,
  },
  {
    name: '0002_tubel_assessments.sql',
    sql: /* sql */ `
-- Tugas Belajar eligibility assessments as the HR admin saved them: the facts given and the result.
CREATE TABLE tubel_assessments (
  id serial PRIMARY KEY,
  employee_id text NOT NULL REFERENCES employees(id),
  as_of date NOT NULL,
  eligible boolean NOT NULL,
  input jsonb NOT NULL,                -- { candidate, programme } as checked
  result jsonb NOT NULL,               -- { eligible, criteria, dates } of @bangkom/tubel
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tubel_assessments_employee ON tubel_assessments(employee_id);
`,
  },
  {
    name: '0003_plans.sql',
    sql: /* sql */ `
-- Individual Development Plans ([P] art. 17): one per employee and year.
CREATE TABLE plans (
  employee_id text NOT NULL REFERENCES employees(id),
  year integer NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'approved')),
  data jsonb NOT NULL,                 -- the IndividualDevelopmentPlan of @bangkom/domain
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (employee_id, year)
);
`,
  },
  {
    name: '0004_jp_override_by.sql',
    sql: /* sql */ `
-- A JP override is the SDM unit's decision ([P] art. 12(2)f): the engine gets it as
-- { jp, reason, by }, so who set it is stored next to the value and the reason.
ALTER TABLE activities ADD COLUMN jp_override_by text;
-- Overrides set before this column existed: who set them is in the audit log.
UPDATE activities a SET jp_override_by = (
  SELECT l.username FROM audit_log l
  WHERE l.action = 'activity.jp_override' AND l.entity = 'activity' AND l.entity_id = a.id
  ORDER BY l.id DESC LIMIT 1
) WHERE a.jp_override IS NOT NULL;
UPDATE activities SET jp_override_by = 'admin' WHERE jp_override IS NOT NULL AND jp_override_by IS NULL;
UPDATE activities SET jp_override_reason = '-' WHERE jp_override IS NOT NULL AND jp_override_reason IS NULL;
  `,
  },
  {
    name: '0005_account_lifecycle.sql',
    sql: /* sql */ `
-- Accounts can be disabled and made to change their password; sessions expire when idle.
ALTER TABLE users ADD COLUMN disabled boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;
ALTER TABLE sessions ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX sessions_user ON sessions(user_id);
INSERT INTO settings (key, value) VALUES ('session', '{"idleMinutes": 60, "lifetimeHours": 12}') ON CONFLICT (key) DO NOTHING;
`,
  },
  {
    name: '0006_stored_jp.sql',
    sql: /* sql */ `
-- JP results kept with the data, updated in the transaction of every change that affects them:
-- per activity (the JP that counts after the limits, the converted JP, the limit applied) and per
-- employee and year. Dashboards and exports aggregate these rows instead of recomputing an agency.
-- The server fills them at its first start after this migration (setting jpTotals).
CREATE TABLE activity_jp (
  activity_id text PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
  employee_id text NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  year integer NOT NULL,               -- the year the activity counts in (its end date)
  jp numeric NOT NULL,                 -- JP that counts: verified, after the limits
  converted_jp numeric NOT NULL,       -- JP the activity is worth on its own
  counted text NOT NULL CHECK (counted IN ('true', 'reduced', 'false')),
  limited_by jsonb,                    -- the limits that took JP, with their citations
  problems jsonb,                      -- why no rule could convert it
  profile text NOT NULL
);
CREATE INDEX activity_jp_employee_year ON activity_jp(employee_id, year);
CREATE INDEX activity_jp_year ON activity_jp(year, employee_id);
CREATE INDEX activity_jp_problems ON activity_jp(year) WHERE problems IS NOT NULL;

CREATE TABLE employee_year_jp (
  employee_id text NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  year integer NOT NULL,
  jp numeric NOT NULL,                 -- JP that counts in the year
  activities integer NOT NULL,
  profile text NOT NULL,
  PRIMARY KEY (employee_id, year)
);
CREATE INDEX employee_year_jp_year ON employee_year_jp(year, employee_id) INCLUDE (jp);

-- Employees whose stored results wait for a recomputation. The app recomputes in the transaction
-- of its own changes (and removes the mark); rows written any other way (SQL, a restore) are
-- marked by these triggers and recomputed before they are read, or in the background.
CREATE TABLE jp_stale (
  employee_id text PRIMARY KEY,
  since timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION jp_stale_activities() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO jp_stale (employee_id) SELECT DISTINCT employee_id FROM new_rows ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO jp_stale (employee_id) SELECT DISTINCT employee_id FROM old_rows ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER activities_jp_stale_insert AFTER INSERT ON activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jp_stale_activities();
CREATE TRIGGER activities_jp_stale_update AFTER UPDATE ON activities
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jp_stale_activities();
CREATE TRIGGER activities_jp_stale_delete AFTER DELETE ON activities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jp_stale_activities();
-- An employee's kind decides limits and obligations ([P] art. 19(3)): a change of kind recomputes them.
CREATE FUNCTION jp_stale_employees() RETURNS trigger AS $$
BEGIN
  INSERT INTO jp_stale (employee_id)
  SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE n.kind IS DISTINCT FROM o.kind OR n.data->>'kind' IS DISTINCT FROM o.data->>'kind'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER employees_jp_stale_update AFTER UPDATE ON employees
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jp_stale_employees();

-- The lists: newest first (all, per employee), the review queue (submitted, oldest first), employees by name.
CREATE INDEX activities_updated ON activities(updated_at DESC, id);
CREATE INDEX activities_employee_updated ON activities(employee_id, updated_at DESC, id);
CREATE INDEX activities_status_updated ON activities(status, updated_at, id);
CREATE INDEX employees_name ON employees(name, id);
CREATE INDEX employees_unit_name ON employees(unit_id, name, id);
`,
  },
];
