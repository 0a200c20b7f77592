CREATE TABLE "unit_jp_changes" (
	"unit_id" text NOT NULL,
	"xid" "xid8" NOT NULL,
	CONSTRAINT "unit_jp_changes_pkey" PRIMARY KEY("unit_id","xid")
);
--> statement-breakpoint
CREATE TABLE "unit_year_jp" (
	"unit_id" text NOT NULL,
	"year" integer NOT NULL,
	"profile" text NOT NULL,
	"snapshot" "pg_snapshot" NOT NULL,
	"employees" integer NOT NULL,
	"compliant" integer NOT NULL,
	"jp" numeric NOT NULL,
	"free" integer NOT NULL,
	"problems" integer NOT NULL,
	"bands" jsonb NOT NULL,
	"below" jsonb NOT NULL,
	"below_total" integer NOT NULL,
	CONSTRAINT "unit_year_jp_pkey" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
ALTER TABLE "unit_year_jp" ADD CONSTRAINT "unit_year_jp_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
-- A unit's stored figures (unit_year_jp) go out of date when its employees or their stored JP
-- change, whoever writes them: these statement triggers record the unit and the writing
-- transaction (triggers drizzle-kit cannot generate). An employee who moves marks both units.
CREATE FUNCTION unit_jp_changed_employees() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO unit_jp_changes (unit_id, xid) SELECT DISTINCT unit_id, pg_current_xact_id() FROM new_rows ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO unit_jp_changes (unit_id, xid) SELECT DISTINCT unit_id, pg_current_xact_id() FROM old_rows ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER employees_unit_jp_insert AFTER INSERT ON employees
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_jp_changed_employees();
--> statement-breakpoint
CREATE TRIGGER employees_unit_jp_update AFTER UPDATE ON employees
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_jp_changed_employees();
--> statement-breakpoint
CREATE TRIGGER employees_unit_jp_delete AFTER DELETE ON employees
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_jp_changed_employees();
--> statement-breakpoint
CREATE FUNCTION unit_jp_changed_totals() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO unit_jp_changes (unit_id, xid)
    SELECT DISTINCT e.unit_id, pg_current_xact_id() FROM new_rows n JOIN employees e ON e.id = n.employee_id ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO unit_jp_changes (unit_id, xid)
    SELECT DISTINCT e.unit_id, pg_current_xact_id() FROM old_rows o JOIN employees e ON e.id = o.employee_id ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER employee_year_jp_unit_jp_insert AFTER INSERT ON employee_year_jp
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_jp_changed_totals();
--> statement-breakpoint
CREATE TRIGGER employee_year_jp_unit_jp_update AFTER UPDATE ON employee_year_jp
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_jp_changed_totals();
--> statement-breakpoint
CREATE TRIGGER employee_year_jp_unit_jp_delete AFTER DELETE ON employee_year_jp
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_jp_changed_totals();
