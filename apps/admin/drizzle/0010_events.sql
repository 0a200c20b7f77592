CREATE TABLE "certificates" (
	"number" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"event_id" text NOT NULL,
	"employee_id" text NOT NULL,
	"activity_id" text NOT NULL,
	"jp" numeric NOT NULL,
	"credential" text NOT NULL,
	"kid" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "certificates_event_employee_key" UNIQUE("event_id","employee_id")
);
--> statement-breakpoint
CREATE TABLE "event_participants" (
	"event_id" text NOT NULL,
	"employee_id" text NOT NULL,
	"attended" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evaluation" jsonb,
	"evaluated_at" timestamp with time zone,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_participants_pkey" PRIMARY KEY("event_id","employee_id")
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_jwk_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_events" (
	"id" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"unit_id" text,
	"status" text NOT NULL,
	"minimum_attendance" numeric DEFAULT 1 NOT NULL,
	"signatory" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "training_events_status_check" CHECK ("training_events"."status" IN ('open', 'closed')),
	CONSTRAINT "training_events_minimum_attendance_check" CHECK ("training_events"."minimum_attendance" >= 0 AND "training_events"."minimum_attendance" <= 1)
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_events" ADD CONSTRAINT "training_events_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_events" ADD CONSTRAINT "training_events_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificates_year" ON "certificates" USING btree ("year");--> statement-breakpoint
CREATE INDEX "certificates_employee" ON "certificates" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "event_participants_employee" ON "event_participants" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "training_events_created" ON "training_events" USING btree ("created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "training_events_unit" ON "training_events" USING btree ("unit_id");