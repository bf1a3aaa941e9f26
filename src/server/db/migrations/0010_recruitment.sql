CREATE TABLE "internships" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "internships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"kind" text NOT NULL,
	"student_name" text NOT NULL,
	"student_name_kana" text NOT NULL,
	"school" text NOT NULL,
	"email" text NOT NULL,
	"birth_date" date,
	"local_tie" text NOT NULL,
	"host_unit_id" integer,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"student_feedback" text DEFAULT '' NOT NULL,
	"host_feedback" text DEFAULT '' NOT NULL,
	"anonymised_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internships_kind_ck" CHECK ("internships"."kind" in ('internship','workplace-experience')),
	CONSTRAINT "internships_status_ck" CHECK ("internships"."status" in ('requested','accepted','declined','done','cancelled')),
	CONSTRAINT "internships_local_tie_ck" CHECK ("internships"."local_tie" in ('school','residence','hometown')),
	CONSTRAINT "internships_period_ck" CHECK ("internships"."ends_on" >= "internships"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "recruitment_applicants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recruitment_applicants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"receipt_number" text NOT NULL,
	"submission_key" text NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name_kana" text NOT NULL,
	"given_name_kana" text NOT NULL,
	"birth_date" date,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"answers" jsonb NOT NULL,
	"source" text NOT NULL,
	"channel" text NOT NULL,
	"internship_id" integer,
	"status" text DEFAULT 'applied' NOT NULL,
	"stage_index" integer DEFAULT 0 NOT NULL,
	"stage_outcome" text DEFAULT 'waiting' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"anonymised_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "recruitment_applicants_channel_ck" CHECK ("recruitment_applicants"."channel" in ('online','csv')),
	CONSTRAINT "recruitment_applicants_status_ck" CHECK ("recruitment_applicants"."status" in ('applied','in-progress','rejected','offered','accepted','declined','withdrawn')),
	CONSTRAINT "recruitment_applicants_outcome_ck" CHECK ("recruitment_applicants"."stage_outcome" in ('waiting','passed','failed','absent'))
);
--> statement-breakpoint
CREATE TABLE "recruitment_attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recruitment_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"applicant_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recruitment_campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"category" text NOT NULL,
	"profession" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"posts_to_fill" integer NOT NULL,
	"eligibility" jsonb NOT NULL,
	"stages" jsonb NOT NULL,
	"application_opens_on" date NOT NULL,
	"application_closes_on" date NOT NULL,
	"schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"faq" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recruitment_campaigns_category_ck" CHECK ("recruitment_campaigns"."category" in ('general-admin','mid-career','licensed','fiscal-year')),
	CONSTRAINT "recruitment_campaigns_status_ck" CHECK ("recruitment_campaigns"."status" in ('draft','open','closed','finished')),
	CONSTRAINT "recruitment_campaigns_period_ck" CHECK ("recruitment_campaigns"."application_closes_on" >= "recruitment_campaigns"."application_opens_on")
);
--> statement-breakpoint
CREATE TABLE "recruitment_decisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recruitment_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"applicant_id" integer NOT NULL,
	"stage_index" integer,
	"action" text NOT NULL,
	"outcome" text,
	"reason" text DEFAULT '' NOT NULL,
	"decided_by_account_id" integer,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_notices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recruitment_notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"applicant_id" integer NOT NULL,
	"template" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"delivery" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "recruitment_notices_delivery_ck" CHECK ("recruitment_notices"."delivery" in ('mail','print','failed'))
);
--> statement-breakpoint
CREATE TABLE "recruitment_scores" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recruitment_scores_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"applicant_id" integer NOT NULL,
	"stage_index" integer NOT NULL,
	"rater_staff_id" integer,
	"scores" jsonb,
	"total" double precision NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_sitting_applicants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recruitment_sitting_applicants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"sitting_id" integer NOT NULL,
	"applicant_id" integer NOT NULL,
	"is_absent" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_sitting_raters" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recruitment_sitting_raters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"sitting_id" integer NOT NULL,
	"rater_staff_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_sittings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recruitment_sittings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"stage_index" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"room" text DEFAULT '' NOT NULL,
	"group_label" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_host_unit_id_org_units_id_fk" FOREIGN KEY ("host_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_applicants" ADD CONSTRAINT "recruitment_applicants_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_applicants" ADD CONSTRAINT "recruitment_applicants_campaign_id_recruitment_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."recruitment_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_attachments" ADD CONSTRAINT "recruitment_attachments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_attachments" ADD CONSTRAINT "recruitment_attachments_applicant_id_recruitment_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."recruitment_applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_campaigns" ADD CONSTRAINT "recruitment_campaigns_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_decisions" ADD CONSTRAINT "recruitment_decisions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_decisions" ADD CONSTRAINT "recruitment_decisions_applicant_id_recruitment_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."recruitment_applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_notices" ADD CONSTRAINT "recruitment_notices_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_notices" ADD CONSTRAINT "recruitment_notices_applicant_id_recruitment_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."recruitment_applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_scores" ADD CONSTRAINT "recruitment_scores_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_scores" ADD CONSTRAINT "recruitment_scores_applicant_id_recruitment_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."recruitment_applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_scores" ADD CONSTRAINT "recruitment_scores_rater_staff_id_staff_id_fk" FOREIGN KEY ("rater_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_sitting_applicants" ADD CONSTRAINT "recruitment_sitting_applicants_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_sitting_applicants" ADD CONSTRAINT "recruitment_sitting_applicants_sitting_id_recruitment_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."recruitment_sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_sitting_applicants" ADD CONSTRAINT "recruitment_sitting_applicants_applicant_id_recruitment_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."recruitment_applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_sitting_raters" ADD CONSTRAINT "recruitment_sitting_raters_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_sitting_raters" ADD CONSTRAINT "recruitment_sitting_raters_sitting_id_recruitment_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."recruitment_sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_sitting_raters" ADD CONSTRAINT "recruitment_sitting_raters_rater_staff_id_staff_id_fk" FOREIGN KEY ("rater_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_sittings" ADD CONSTRAINT "recruitment_sittings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_sittings" ADD CONSTRAINT "recruitment_sittings_campaign_id_recruitment_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."recruitment_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "internships_municipality_idx" ON "internships" USING btree ("municipality_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_applicants_receipt_uq" ON "recruitment_applicants" USING btree ("municipality_id","receipt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_applicants_submission_uq" ON "recruitment_applicants" USING btree ("campaign_id","submission_key");--> statement-breakpoint
CREATE INDEX "recruitment_applicants_campaign_idx" ON "recruitment_applicants" USING btree ("campaign_id","stage_index","status");--> statement-breakpoint
CREATE INDEX "recruitment_attachments_applicant_idx" ON "recruitment_attachments" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "recruitment_campaigns_municipality_idx" ON "recruitment_campaigns" USING btree ("municipality_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "recruitment_decisions_applicant_idx" ON "recruitment_decisions" USING btree ("applicant_id","decided_at");--> statement-breakpoint
CREATE INDEX "recruitment_notices_applicant_idx" ON "recruitment_notices" USING btree ("applicant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_scores_rater_uq" ON "recruitment_scores" USING btree ("applicant_id","stage_index","rater_staff_id") WHERE "recruitment_scores"."rater_staff_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_scores_single_uq" ON "recruitment_scores" USING btree ("applicant_id","stage_index") WHERE "recruitment_scores"."rater_staff_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_sitting_applicants_uq" ON "recruitment_sitting_applicants" USING btree ("sitting_id","applicant_id");--> statement-breakpoint
CREATE INDEX "recruitment_sitting_applicants_applicant_idx" ON "recruitment_sitting_applicants" USING btree ("applicant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_sitting_raters_uq" ON "recruitment_sitting_raters" USING btree ("sitting_id","rater_staff_id");--> statement-breakpoint
CREATE INDEX "recruitment_sitting_raters_staff_idx" ON "recruitment_sitting_raters" USING btree ("rater_staff_id");--> statement-breakpoint
CREATE INDEX "recruitment_sittings_campaign_idx" ON "recruitment_sittings" USING btree ("campaign_id","stage_index","starts_at");