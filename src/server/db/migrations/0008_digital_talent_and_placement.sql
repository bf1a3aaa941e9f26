CREATE TABLE "digital_skill_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "digital_skill_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"levels" jsonb NOT NULL,
	"self_comment" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"confirmed_by_staff_id" integer,
	"confirmed_at" timestamp with time zone,
	"supervisor_comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digital_skill_assessments_status_ck" CHECK ("digital_skill_assessments"."status" in ('draft','submitted','confirmed','returned'))
);
--> statement-breakpoint
CREATE TABLE "dx_advisors" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dx_advisors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"name" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"expertise" text DEFAULT '' NOT NULL,
	"contract_starts_on" date NOT NULL,
	"contract_ends_on" date,
	"contact" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dx_advisors_period_ck" CHECK ("dx_advisors"."contract_ends_on" is null or "dx_advisors"."contract_ends_on" >= "dx_advisors"."contract_starts_on")
);
--> statement-breakpoint
CREATE TABLE "dx_bodies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dx_bodies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"kind" text NOT NULL,
	"parent_body_id" integer,
	"name" text NOT NULL,
	"theme" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dx_bodies_kind_ck" CHECK ("dx_bodies"."kind" in ('hq','working_group')),
	CONSTRAINT "dx_bodies_period_ck" CHECK ("dx_bodies"."ends_on" is null or "dx_bodies"."ends_on" >= "dx_bodies"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "dx_body_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dx_body_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"role" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	CONSTRAINT "dx_body_members_role_ck" CHECK ("dx_body_members"."role" in ('chief','deputy','member','leader')),
	CONSTRAINT "dx_body_members_period_ck" CHECK ("dx_body_members"."ends_on" is null or "dx_body_members"."ends_on" >= "dx_body_members"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "dx_leaders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dx_leaders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dx_leaders_period_ck" CHECK ("dx_leaders"."ends_on" is null or "dx_leaders"."ends_on" >= "dx_leaders"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "exchange_participants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_participants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"staff_id" integer,
	"external_name" text,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "exchange_participants_who_ck" CHECK (("exchange_participants"."staff_id" is null) <> ("exchange_participants"."external_name" is null))
);
--> statement-breakpoint
CREATE TABLE "exchange_programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"partner_municipality" text NOT NULL,
	"title" text NOT NULL,
	"direction" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_programmes_direction_ck" CHECK ("exchange_programmes"."direction" in ('outgoing','incoming','mutual')),
	CONSTRAINT "exchange_programmes_period_ck" CHECK ("exchange_programmes"."ends_on" >= "exchange_programmes"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "knowledge_articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"tool" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"body_markdown" text NOT NULL,
	"search_key" text NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"author_staff_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_articles_kind_ck" CHECK ("knowledge_articles"."kind" in ('faq','guide')),
	CONSTRAINT "knowledge_articles_status_ck" CHECK ("knowledge_articles"."status" in ('draft','published'))
);
--> statement-breakpoint
CREATE TABLE "qa_answers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "qa_answers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"question_id" integer NOT NULL,
	"body_markdown" text NOT NULL,
	"author_staff_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_questions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "qa_questions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"title" text NOT NULL,
	"body_markdown" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_key" text NOT NULL,
	"author_staff_id" integer NOT NULL,
	"accepted_answer_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "optimiser_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "optimiser_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"phase" text DEFAULT '' NOT NULL,
	"input_digest" text,
	"result" jsonb,
	"error" text,
	"is_applied" boolean DEFAULT false NOT NULL,
	"created_by_account_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "optimiser_runs_status_ck" CHECK ("optimiser_runs"."status" in ('queued','running','done','failed')),
	CONSTRAINT "optimiser_runs_progress_ck" CHECK ("optimiser_runs"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "staff_expertise_fields" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_expertise_fields_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"field" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfer_plan_constraints" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfer_plan_constraints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"kind" text NOT NULL,
	"unit_id" integer,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_plan_constraints_kind_ck" CHECK ("transfer_plan_constraints"."kind" in ('pin','forbid','stay')),
	CONSTRAINT "transfer_plan_constraints_unit_ck" CHECK (("transfer_plan_constraints"."kind" = 'stay') = ("transfer_plan_constraints"."unit_id" is null))
);
--> statement-breakpoint
CREATE TABLE "transfer_plan_moves" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfer_plan_moves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"to_unit_id" integer NOT NULL,
	"to_position_id" integer,
	"reason" text DEFAULT '' NOT NULL,
	"special_reason" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"explanation" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_plan_moves_source_ck" CHECK ("transfer_plan_moves"."source" in ('manual','optimiser'))
);
--> statement-breakpoint
CREATE TABLE "transfer_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfer_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"name" text NOT NULL,
	"effective_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_account_id" integer NOT NULL,
	"approved_by_account_id" integer,
	"approved_at" timestamp with time zone,
	"applied_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_plans_status_ck" CHECK ("transfer_plans"."status" in ('draft','approved','applied','archived'))
);
--> statement-breakpoint
CREATE TABLE "transfer_wishes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfer_wishes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"rank" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'hr' NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_wishes_rank_ck" CHECK ("transfer_wishes"."rank" between 1 and 3),
	CONSTRAINT "transfer_wishes_source_ck" CHECK ("transfer_wishes"."source" in ('hr','self-declaration'))
);
--> statement-breakpoint
CREATE TABLE "unit_position_quotas" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_position_quotas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"position_level" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"headcount" integer NOT NULL,
	CONSTRAINT "unit_position_quotas_headcount_ck" CHECK ("unit_position_quotas"."headcount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "self_development_records" ADD COLUMN "review_comment" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "hours" double precision;--> statement-breakpoint
ALTER TABLE "digital_skill_assessments" ADD CONSTRAINT "digital_skill_assessments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digital_skill_assessments" ADD CONSTRAINT "digital_skill_assessments_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digital_skill_assessments" ADD CONSTRAINT "digital_skill_assessments_confirmed_by_staff_id_staff_id_fk" FOREIGN KEY ("confirmed_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_advisors" ADD CONSTRAINT "dx_advisors_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_bodies" ADD CONSTRAINT "dx_bodies_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_body_members" ADD CONSTRAINT "dx_body_members_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_body_members" ADD CONSTRAINT "dx_body_members_body_id_dx_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."dx_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_body_members" ADD CONSTRAINT "dx_body_members_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_leaders" ADD CONSTRAINT "dx_leaders_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_leaders" ADD CONSTRAINT "dx_leaders_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_leaders" ADD CONSTRAINT "dx_leaders_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_participants" ADD CONSTRAINT "exchange_participants_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_participants" ADD CONSTRAINT "exchange_participants_programme_id_exchange_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."exchange_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_participants" ADD CONSTRAINT "exchange_participants_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_programmes" ADD CONSTRAINT "exchange_programmes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_author_staff_id_staff_id_fk" FOREIGN KEY ("author_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_answers" ADD CONSTRAINT "qa_answers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_answers" ADD CONSTRAINT "qa_answers_question_id_qa_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."qa_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_answers" ADD CONSTRAINT "qa_answers_author_staff_id_staff_id_fk" FOREIGN KEY ("author_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_questions" ADD CONSTRAINT "qa_questions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_questions" ADD CONSTRAINT "qa_questions_author_staff_id_staff_id_fk" FOREIGN KEY ("author_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimiser_runs" ADD CONSTRAINT "optimiser_runs_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimiser_runs" ADD CONSTRAINT "optimiser_runs_plan_id_transfer_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."transfer_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_expertise_fields" ADD CONSTRAINT "staff_expertise_fields_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_expertise_fields" ADD CONSTRAINT "staff_expertise_fields_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_plan_constraints" ADD CONSTRAINT "transfer_plan_constraints_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_plan_constraints" ADD CONSTRAINT "transfer_plan_constraints_plan_id_transfer_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."transfer_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_plan_constraints" ADD CONSTRAINT "transfer_plan_constraints_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_plan_constraints" ADD CONSTRAINT "transfer_plan_constraints_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_plan_moves" ADD CONSTRAINT "transfer_plan_moves_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_plan_moves" ADD CONSTRAINT "transfer_plan_moves_plan_id_transfer_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."transfer_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_plan_moves" ADD CONSTRAINT "transfer_plan_moves_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_plan_moves" ADD CONSTRAINT "transfer_plan_moves_to_unit_id_org_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_plan_moves" ADD CONSTRAINT "transfer_plan_moves_to_position_id_positions_id_fk" FOREIGN KEY ("to_position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_plans" ADD CONSTRAINT "transfer_plans_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_wishes" ADD CONSTRAINT "transfer_wishes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_wishes" ADD CONSTRAINT "transfer_wishes_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_wishes" ADD CONSTRAINT "transfer_wishes_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_position_quotas" ADD CONSTRAINT "unit_position_quotas_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_position_quotas" ADD CONSTRAINT "unit_position_quotas_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "digital_skill_assessments_staff_year_uq" ON "digital_skill_assessments" USING btree ("staff_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "digital_skill_assessments_municipality_year_idx" ON "digital_skill_assessments" USING btree ("municipality_id","fiscal_year","status");--> statement-breakpoint
CREATE INDEX "dx_advisors_municipality_idx" ON "dx_advisors" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "dx_bodies_municipality_idx" ON "dx_bodies" USING btree ("municipality_id","kind");--> statement-breakpoint
CREATE INDEX "dx_body_members_body_idx" ON "dx_body_members" USING btree ("body_id","starts_on");--> statement-breakpoint
CREATE INDEX "dx_body_members_staff_idx" ON "dx_body_members" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "dx_leaders_unit_idx" ON "dx_leaders" USING btree ("unit_id","starts_on");--> statement-breakpoint
CREATE INDEX "dx_leaders_municipality_idx" ON "dx_leaders" USING btree ("municipality_id","starts_on");--> statement-breakpoint
CREATE INDEX "exchange_participants_programme_idx" ON "exchange_participants" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "exchange_programmes_municipality_idx" ON "exchange_programmes" USING btree ("municipality_id","starts_on");--> statement-breakpoint
CREATE INDEX "knowledge_articles_municipality_idx" ON "knowledge_articles" USING btree ("municipality_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "qa_answers_question_idx" ON "qa_answers" USING btree ("question_id","created_at");--> statement-breakpoint
CREATE INDEX "qa_questions_municipality_idx" ON "qa_questions" USING btree ("municipality_id","updated_at");--> statement-breakpoint
CREATE INDEX "optimiser_runs_plan_idx" ON "optimiser_runs" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_expertise_fields_staff_field_uq" ON "staff_expertise_fields" USING btree ("staff_id","field");--> statement-breakpoint
CREATE INDEX "transfer_plan_constraints_plan_idx" ON "transfer_plan_constraints" USING btree ("plan_id","staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_plan_moves_plan_staff_uq" ON "transfer_plan_moves" USING btree ("plan_id","staff_id");--> statement-breakpoint
CREATE INDEX "transfer_plans_municipality_idx" ON "transfer_plans" USING btree ("municipality_id","effective_date");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_plans_one_applied_uq" ON "transfer_plans" USING btree ("municipality_id","effective_date") WHERE "transfer_plans"."status" = 'applied';--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_wishes_staff_year_rank_uq" ON "transfer_wishes" USING btree ("staff_id","fiscal_year","rank");--> statement-breakpoint
CREATE INDEX "transfer_wishes_municipality_year_idx" ON "transfer_wishes" USING btree ("municipality_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_position_quotas_unit_level_year_uq" ON "unit_position_quotas" USING btree ("unit_id","position_level","fiscal_year");