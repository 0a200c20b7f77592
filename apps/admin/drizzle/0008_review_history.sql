ALTER TABLE "activities" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "activities_evidence_sha256" ON "activities" USING btree ("evidence_sha256");--> statement-breakpoint
CREATE INDEX "activities_certificate_number" ON "activities" USING btree (upper("data"->'evidence'->>'number'));--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("entity","entity_id","id");--> statement-breakpoint
-- Activities submitted before the column existed: their last submission as the audit log recorded it
-- (else their last change). The date does not change any JP: the stale-mark trigger stays out of it.
ALTER TABLE "activities" DISABLE TRIGGER "activities_jp_stale_update";--> statement-breakpoint
UPDATE "activities" a SET "submitted_at" = coalesce(
  (SELECT max(l."at") FROM "audit_log" l WHERE l."entity" = 'activity' AND l."entity_id" = a."id" AND l."action" = 'activity.submit'),
  a."updated_at")
WHERE a."status" <> 'draft';--> statement-breakpoint
ALTER TABLE "activities" ENABLE TRIGGER "activities_jp_stale_update";
