-- Stale marks for the stored JP (jp_stale): the app recomputes an employee's results in the
-- transaction of its own changes and removes the mark; rows written any other way (SQL, a restore,
-- a bulk load) are marked by these statement triggers and recomputed before they are read, or in
-- the background (triggers drizzle-kit cannot generate).
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
--> statement-breakpoint
CREATE TRIGGER activities_jp_stale_insert AFTER INSERT ON activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jp_stale_activities();
--> statement-breakpoint
CREATE TRIGGER activities_jp_stale_update AFTER UPDATE ON activities
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jp_stale_activities();
--> statement-breakpoint
CREATE TRIGGER activities_jp_stale_delete AFTER DELETE ON activities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jp_stale_activities();
--> statement-breakpoint
-- An employee's kind decides limits and obligations ([P] art. 19(3)): a change of kind marks them.
CREATE FUNCTION jp_stale_employees() RETURNS trigger AS $$
BEGIN
  INSERT INTO jp_stale (employee_id)
  SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE n.kind IS DISTINCT FROM o.kind OR n.data->>'kind' IS DISTINCT FROM o.data->>'kind'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER employees_jp_stale_update AFTER UPDATE ON employees
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jp_stale_employees();
