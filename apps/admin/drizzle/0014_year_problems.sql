DROP INDEX "employee_year_jp_year";--> statement-breakpoint
DROP INDEX "employees_unit_name";--> statement-breakpoint
ALTER TABLE "employee_year_jp" ADD COLUMN "problems" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The stored totals of an existing database count their activities with problems at once.
UPDATE "employee_year_jp" t SET "problems" = p.n
FROM (SELECT employee_id, year, count(*)::int AS n FROM activity_jp WHERE problems IS NOT NULL GROUP BY employee_id, year) p
WHERE p.employee_id = t.employee_id AND p.year = t.year;--> statement-breakpoint
CREATE INDEX "employee_year_jp_year" ON "employee_year_jp" USING btree ("year","employee_id","jp","problems");--> statement-breakpoint
CREATE INDEX "employees_unit_name" ON "employees" USING btree ("unit_id","name","id","kind");