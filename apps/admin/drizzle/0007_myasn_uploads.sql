CREATE TABLE "myasn_uploads" (
	"activity_id" text PRIMARY KEY NOT NULL,
	"uploaded_on" date NOT NULL,
	"siasn_id" text,
	"source" text NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "myasn_uploads_source_check" CHECK ("myasn_uploads"."source" IN ('manual', 'reconciliation', 'siasn_import'))
);
--> statement-breakpoint
CREATE TABLE "siasn_reconciliation_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"reconciliation_id" integer NOT NULL,
	"kind" text NOT NULL,
	"employee_id" text NOT NULL,
	"activity_id" text,
	"siasn_id" text,
	"title" text NOT NULL,
	"number" text,
	"differences" jsonb,
	"siasn_activity" jsonb,
	"resolution" text,
	"note" text,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "siasn_reconciliation_items_kind_check" CHECK ("siasn_reconciliation_items"."kind" IN ('missing_in_siasn', 'missing_locally', 'different', 'agreeing')),
	CONSTRAINT "siasn_reconciliation_items_resolution_check" CHECK ("siasn_reconciliation_items"."resolution" IS NULL OR "siasn_reconciliation_items"."resolution" IN ('marked', 'imported', 'ignored'))
);
--> statement-breakpoint
CREATE TABLE "siasn_reconciliations" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"year" integer NOT NULL,
	"employee_id" text,
	"file_name" text NOT NULL,
	"siasn_records" integer NOT NULL,
	"other_years" integer NOT NULL,
	"matched" integer NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "myasn_uploads" ADD CONSTRAINT "myasn_uploads_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "myasn_uploads" ADD CONSTRAINT "myasn_uploads_recorded_by_fkey" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "siasn_reconciliation_items" ADD CONSTRAINT "siasn_reconciliation_items_reconciliation_id_fkey" FOREIGN KEY ("reconciliation_id") REFERENCES "public"."siasn_reconciliations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "siasn_reconciliation_items" ADD CONSTRAINT "siasn_reconciliation_items_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "siasn_reconciliation_items" ADD CONSTRAINT "siasn_reconciliation_items_resolved_by_fkey" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "siasn_reconciliations" ADD CONSTRAINT "siasn_reconciliations_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "siasn_reconciliations" ADD CONSTRAINT "siasn_reconciliations_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "siasn_reconciliations" ADD CONSTRAINT "siasn_reconciliations_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "myasn_uploads_siasn_id" ON "myasn_uploads" USING btree ("siasn_id");--> statement-breakpoint
CREATE INDEX "siasn_reconciliation_items_reconciliation" ON "siasn_reconciliation_items" USING btree ("reconciliation_id","kind","id");--> statement-breakpoint
CREATE INDEX "siasn_reconciliations_unit_year" ON "siasn_reconciliations" USING btree ("unit_id","year","id");