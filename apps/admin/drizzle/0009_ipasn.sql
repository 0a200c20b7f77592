CREATE TABLE "ipasn_cycles" (
	"year" integer PRIMARY KEY NOT NULL,
	"started_on" date NOT NULL,
	"opened_by" integer,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ipasn_facts" (
	"employee_id" text NOT NULL,
	"year" integer NOT NULL,
	"education" text,
	"education_source" text,
	"position_kind" text,
	"position_kind_source" text,
	"performance_predicate" text,
	"performance_source" text,
	"punishments" jsonb,
	"discipline_source" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ipasn_facts_pkey" PRIMARY KEY("employee_id","year"),
	CONSTRAINT "ipasn_facts_education_check" CHECK ("ipasn_facts"."education" IN ('SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3')),
	CONSTRAINT "ipasn_facts_position_kind_check" CHECK ("ipasn_facts"."position_kind" IN ('jpt', 'administrasi', 'fungsional')),
	CONSTRAINT "ipasn_facts_performance_check" CHECK ("ipasn_facts"."performance_predicate" IN ('sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'))
);
--> statement-breakpoint
CREATE TABLE "ipasn_recap_steps" (
	"unit_id" text NOT NULL,
	"year" integer NOT NULL,
	"step" integer NOT NULL,
	"done_on" date NOT NULL,
	"done_by" integer,
	CONSTRAINT "ipasn_recap_steps_pkey" PRIMARY KEY("unit_id","year","step"),
	CONSTRAINT "ipasn_recap_steps_step_check" CHECK ("ipasn_recap_steps"."step" BETWEEN 1 AND 12)
);
--> statement-breakpoint
CREATE TABLE "ipasn_recaps" (
	"unit_id" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"letter_number" text,
	"snapshot" jsonb,
	"return_note" text,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"uploaded_on" date,
	"result_sha256" text,
	"result_name" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ipasn_recaps_pkey" PRIMARY KEY("unit_id","year"),
	CONSTRAINT "ipasn_recaps_status_check" CHECK ("ipasn_recaps"."status" IN ('draft', 'submitted', 'returned', 'accepted', 'uploaded'))
);
--> statement-breakpoint
CREATE TABLE "ipasn_siasn_scores" (
	"employee_id" text NOT NULL,
	"year" integer NOT NULL,
	"kualifikasi" numeric NOT NULL,
	"kompetensi" numeric NOT NULL,
	"kinerja" numeric NOT NULL,
	"disiplin" numeric NOT NULL,
	"total" numeric NOT NULL,
	"file_name" text NOT NULL,
	"imported_by" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ipasn_siasn_scores_pkey" PRIMARY KEY("employee_id","year")
);
--> statement-breakpoint
ALTER TABLE "ipasn_facts" ADD CONSTRAINT "ipasn_facts_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "ipasn_facts" ADD CONSTRAINT "ipasn_facts_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ipasn_recap_steps" ADD CONSTRAINT "ipasn_recap_steps_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ipasn_recap_steps" ADD CONSTRAINT "ipasn_recap_steps_done_by_fkey" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ipasn_recaps" ADD CONSTRAINT "ipasn_recaps_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ipasn_recaps" ADD CONSTRAINT "ipasn_recaps_result_sha256_fkey" FOREIGN KEY ("result_sha256") REFERENCES "public"."evidence_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ipasn_siasn_scores" ADD CONSTRAINT "ipasn_siasn_scores_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "ipasn_siasn_scores" ADD CONSTRAINT "ipasn_siasn_scores_imported_by_fkey" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ipasn_facts_year" ON "ipasn_facts" USING btree ("year","employee_id");--> statement-breakpoint
CREATE INDEX "ipasn_siasn_scores_year" ON "ipasn_siasn_scores" USING btree ("year","employee_id");