CREATE TABLE "stress_check_campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stress_check_campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"name" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"method" text DEFAULT 'simple-sum' NOT NULL,
	"thresholds" jsonb NOT NULL,
	"questionnaire_version" text NOT NULL,
	"min_group_size" integer DEFAULT 10 NOT NULL,
	"high_risk_threshold" integer DEFAULT 120 NOT NULL,
	"created_by_account_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stress_check_campaigns_status_ck" CHECK ("stress_check_campaigns"."status" in ('draft','open','closed')),
	CONSTRAINT "stress_check_campaigns_method_ck" CHECK ("stress_check_campaigns"."method" in ('simple-sum')),
	CONSTRAINT "stress_check_campaigns_period_ck" CHECK ("stress_check_campaigns"."closes_on" >= "stress_check_campaigns"."opens_on"),
	CONSTRAINT "stress_check_campaigns_min_group_ck" CHECK ("stress_check_campaigns"."min_group_size" >= 10)
);
--> statement-breakpoint
CREATE TABLE "stress_check_consents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stress_check_consents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"result_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"decision" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"result_shown_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stress_check_consents_decision_ck" CHECK ("stress_check_consents"."decision" in ('given','refused')),
	CONSTRAINT "stress_check_consents_after_shown_ck" CHECK ("stress_check_consents"."decided_at" >= "stress_check_consents"."result_shown_at")
);
--> statement-breakpoint
CREATE TABLE "stress_check_group_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stress_check_group_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"unit_id" integer,
	"sex" text,
	"scores" jsonb NOT NULL,
	CONSTRAINT "stress_check_group_entries_sex_ck" CHECK ("stress_check_group_entries"."sex" is null or "stress_check_group_entries"."sex" in ('male','female'))
);
--> statement-breakpoint
CREATE TABLE "stress_check_interview_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stress_check_interview_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"result_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	CONSTRAINT "stress_check_interview_requests_status_ck" CHECK ("stress_check_interview_requests"."status" in ('requested','held','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "stress_check_interviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stress_check_interviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"request_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"physician_name" text NOT NULL,
	"opinion" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_account_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stress_check_interviews_opinion_ck" CHECK ("stress_check_interviews"."opinion" in ('normal','restricted','leave'))
);
--> statement-breakpoint
CREATE TABLE "stress_check_responses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stress_check_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stress_check_results" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stress_check_results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"score" jsonb NOT NULL,
	"is_high_stress" boolean NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"shown_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stress_check_unit_actions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stress_check_unit_actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"action" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"due_on" date,
	"recorded_by_account_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stress_check_unit_actions_status_ck" CHECK ("stress_check_unit_actions"."status" in ('planned','in-progress','done'))
);
--> statement-breakpoint
ALTER TABLE "stress_check_campaigns" ADD CONSTRAINT "stress_check_campaigns_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_campaigns" ADD CONSTRAINT "stress_check_campaigns_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_consents" ADD CONSTRAINT "stress_check_consents_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_consents" ADD CONSTRAINT "stress_check_consents_campaign_id_stress_check_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."stress_check_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_consents" ADD CONSTRAINT "stress_check_consents_result_id_stress_check_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."stress_check_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_consents" ADD CONSTRAINT "stress_check_consents_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_group_entries" ADD CONSTRAINT "stress_check_group_entries_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_group_entries" ADD CONSTRAINT "stress_check_group_entries_campaign_id_stress_check_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."stress_check_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_group_entries" ADD CONSTRAINT "stress_check_group_entries_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_interview_requests" ADD CONSTRAINT "stress_check_interview_requests_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_interview_requests" ADD CONSTRAINT "stress_check_interview_requests_campaign_id_stress_check_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."stress_check_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_interview_requests" ADD CONSTRAINT "stress_check_interview_requests_result_id_stress_check_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."stress_check_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_interview_requests" ADD CONSTRAINT "stress_check_interview_requests_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_interviews" ADD CONSTRAINT "stress_check_interviews_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_interviews" ADD CONSTRAINT "stress_check_interviews_campaign_id_stress_check_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."stress_check_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_interviews" ADD CONSTRAINT "stress_check_interviews_request_id_stress_check_interview_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."stress_check_interview_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_interviews" ADD CONSTRAINT "stress_check_interviews_recorded_by_account_id_accounts_id_fk" FOREIGN KEY ("recorded_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_responses" ADD CONSTRAINT "stress_check_responses_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_responses" ADD CONSTRAINT "stress_check_responses_campaign_id_stress_check_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."stress_check_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_responses" ADD CONSTRAINT "stress_check_responses_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_results" ADD CONSTRAINT "stress_check_results_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_results" ADD CONSTRAINT "stress_check_results_campaign_id_stress_check_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."stress_check_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_results" ADD CONSTRAINT "stress_check_results_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_unit_actions" ADD CONSTRAINT "stress_check_unit_actions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_unit_actions" ADD CONSTRAINT "stress_check_unit_actions_campaign_id_stress_check_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."stress_check_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_unit_actions" ADD CONSTRAINT "stress_check_unit_actions_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_check_unit_actions" ADD CONSTRAINT "stress_check_unit_actions_recorded_by_account_id_accounts_id_fk" FOREIGN KEY ("recorded_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stress_check_campaigns_name_uq" ON "stress_check_campaigns" USING btree ("municipality_id","name");--> statement-breakpoint
CREATE INDEX "stress_check_campaigns_year_idx" ON "stress_check_campaigns" USING btree ("municipality_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "stress_check_consents_result_uq" ON "stress_check_consents" USING btree ("result_id");--> statement-breakpoint
CREATE INDEX "stress_check_group_entries_campaign_idx" ON "stress_check_group_entries" USING btree ("campaign_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stress_check_interview_requests_result_uq" ON "stress_check_interview_requests" USING btree ("result_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stress_check_interviews_request_uq" ON "stress_check_interviews" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stress_check_responses_person_uq" ON "stress_check_responses" USING btree ("campaign_id","staff_id");--> statement-breakpoint
CREATE INDEX "stress_check_responses_staff_idx" ON "stress_check_responses" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stress_check_results_person_uq" ON "stress_check_results" USING btree ("campaign_id","staff_id");--> statement-breakpoint
CREATE INDEX "stress_check_unit_actions_campaign_idx" ON "stress_check_unit_actions" USING btree ("campaign_id","unit_id");