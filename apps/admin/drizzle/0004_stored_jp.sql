CREATE TABLE "activity_jp" (
	"activity_id" text PRIMARY KEY NOT NULL,
	"employee_id" text NOT NULL,
	"year" integer NOT NULL,
	"jp" numeric NOT NULL,
	"converted_jp" numeric NOT NULL,
	"counted" text NOT NULL,
	"limited_by" jsonb,
	"problems" jsonb,
	"profile" text NOT NULL,
	CONSTRAINT "activity_jp_counted_check" CHECK ("activity_jp"."counted" IN ('true', 'reduced', 'false'))
);
--> statement-breakpoint
CREATE TABLE "employee_year_jp" (
	"employee_id" text NOT NULL,
	"year" integer NOT NULL,
	"jp" numeric NOT NULL,
	"activities" integer NOT NULL,
	"profile" text NOT NULL,
	CONSTRAINT "employee_year_jp_pkey" PRIMARY KEY("employee_id","year")
);
--> statement-breakpoint
CREATE TABLE "jp_stale" (
	"employee_id" text PRIMARY KEY NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_jp" ADD CONSTRAINT "activity_jp_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "activity_jp" ADD CONSTRAINT "activity_jp_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "employee_year_jp" ADD CONSTRAINT "employee_year_jp_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "activity_jp_employee_year" ON "activity_jp" USING btree ("employee_id","year");--> statement-breakpoint
CREATE INDEX "activity_jp_year" ON "activity_jp" USING btree ("year","employee_id");--> statement-breakpoint
CREATE INDEX "activity_jp_problems" ON "activity_jp" USING btree ("year") WHERE "activity_jp"."problems" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "employee_year_jp_year" ON "employee_year_jp" USING btree ("year","employee_id");--> statement-breakpoint
CREATE INDEX "activities_updated" ON "activities" USING btree ("updated_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "activities_employee_updated" ON "activities" USING btree ("employee_id","updated_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "activities_status_updated" ON "activities" USING btree ("status","updated_at","id");--> statement-breakpoint
CREATE INDEX "employees_name" ON "employees" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "employees_unit_name" ON "employees" USING btree ("unit_id","name","id");