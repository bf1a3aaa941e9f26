CREATE TABLE "desk_case_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "desk_case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"kind" text NOT NULL,
	"author" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"status_to" text,
	"cooperator_staff_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_case_events_kind_ck" CHECK ("desk_case_events"."kind" in ('message','status','note','cooperator'))
);
--> statement-breakpoint
CREATE TABLE "desk_case_handlers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "desk_case_handlers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"unassigned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "desk_cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "desk_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"desk" text NOT NULL,
	"category" text NOT NULL,
	"receipt_code" text NOT NULL,
	"secret_hash" text NOT NULL,
	"pseudonym" text NOT NULL,
	"is_anonymous" boolean NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "desk_cases_desk_ck" CHECK ("desk_cases"."desk" in ('harassment','whistleblowing')),
	CONSTRAINT "desk_cases_status_ck" CHECK ("desk_cases"."status" in ('received','investigating','corrective-action','outcome-notified','closed'))
);
--> statement-breakpoint
CREATE TABLE "desk_handler_designations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "desk_handler_designations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"desk" text NOT NULL,
	"designated_on" date NOT NULL,
	"ends_on" date,
	"document_ref" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_handler_designations_desk_ck" CHECK ("desk_handler_designations"."desk" in ('harassment','whistleblowing')),
	CONSTRAINT "desk_handler_designations_period_ck" CHECK ("desk_handler_designations"."ends_on" is null or "desk_handler_designations"."ends_on" >= "desk_handler_designations"."designated_on")
);
--> statement-breakpoint
CREATE TABLE "desk_reporter_identities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "desk_reporter_identities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"staff_id" integer,
	"name" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fellow_meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fellow_meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"pair_id" integer NOT NULL,
	"planned_on" date NOT NULL,
	"held_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"fellow_feedback" jsonb,
	"junior_feedback" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fellow_meetings_status_ck" CHECK ("fellow_meetings"."status" in ('planned','held','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "fellow_pairs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fellow_pairs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"fellow_staff_id" integer NOT NULL,
	"junior_staff_id" integer NOT NULL,
	"status" text DEFAULT 'confirmed' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fellow_pairs_status_ck" CHECK ("fellow_pairs"."status" in ('confirmed','ended'))
);
--> statement-breakpoint
CREATE TABLE "fellows" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fellows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"capacity" integer DEFAULT 2 NOT NULL,
	"is_low_commitment" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_declaration_campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "self_declaration_campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"title" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"form" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_declaration_campaigns_status_ck" CHECK ("self_declaration_campaigns"."status" in ('open','closed')),
	CONSTRAINT "self_declaration_campaigns_period_ck" CHECK ("self_declaration_campaigns"."closes_on" >= "self_declaration_campaigns"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "self_declarations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "self_declarations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_declarations_status_ck" CHECK ("self_declarations"."status" in ('draft','submitted'))
);
--> statement-breakpoint
ALTER TABLE "desk_case_events" ADD CONSTRAINT "desk_case_events_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case_events" ADD CONSTRAINT "desk_case_events_case_id_desk_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."desk_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case_events" ADD CONSTRAINT "desk_case_events_cooperator_staff_id_staff_id_fk" FOREIGN KEY ("cooperator_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case_handlers" ADD CONSTRAINT "desk_case_handlers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case_handlers" ADD CONSTRAINT "desk_case_handlers_case_id_desk_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."desk_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case_handlers" ADD CONSTRAINT "desk_case_handlers_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_handler_designations" ADD CONSTRAINT "desk_handler_designations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_handler_designations" ADD CONSTRAINT "desk_handler_designations_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_reporter_identities" ADD CONSTRAINT "desk_reporter_identities_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_reporter_identities" ADD CONSTRAINT "desk_reporter_identities_case_id_desk_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."desk_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_reporter_identities" ADD CONSTRAINT "desk_reporter_identities_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fellow_meetings" ADD CONSTRAINT "fellow_meetings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fellow_meetings" ADD CONSTRAINT "fellow_meetings_pair_id_fellow_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."fellow_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fellow_pairs" ADD CONSTRAINT "fellow_pairs_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fellow_pairs" ADD CONSTRAINT "fellow_pairs_fellow_staff_id_staff_id_fk" FOREIGN KEY ("fellow_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fellow_pairs" ADD CONSTRAINT "fellow_pairs_junior_staff_id_staff_id_fk" FOREIGN KEY ("junior_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fellows" ADD CONSTRAINT "fellows_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fellows" ADD CONSTRAINT "fellows_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_declaration_campaigns" ADD CONSTRAINT "self_declaration_campaigns_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_declarations" ADD CONSTRAINT "self_declarations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_declarations" ADD CONSTRAINT "self_declarations_campaign_id_self_declaration_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."self_declaration_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_declarations" ADD CONSTRAINT "self_declarations_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_case_events_case_idx" ON "desk_case_events" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "desk_case_handlers_case_idx" ON "desk_case_handlers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "desk_case_handlers_staff_idx" ON "desk_case_handlers" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_cases_receipt_uq" ON "desk_cases" USING btree ("municipality_id","receipt_code");--> statement-breakpoint
CREATE INDEX "desk_cases_municipality_idx" ON "desk_cases" USING btree ("municipality_id","desk","status");--> statement-breakpoint
CREATE INDEX "desk_handler_designations_staff_idx" ON "desk_handler_designations" USING btree ("staff_id","desk");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_reporter_identities_case_uq" ON "desk_reporter_identities" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "fellow_meetings_pair_idx" ON "fellow_meetings" USING btree ("pair_id","planned_on");--> statement-breakpoint
CREATE INDEX "fellow_pairs_fellow_idx" ON "fellow_pairs" USING btree ("fellow_staff_id");--> statement-breakpoint
CREATE INDEX "fellow_pairs_junior_idx" ON "fellow_pairs" USING btree ("junior_staff_id");--> statement-breakpoint
CREATE INDEX "fellows_municipality_idx" ON "fellows" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "fellows_staff_idx" ON "fellows" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "self_declaration_campaigns_year_uq" ON "self_declaration_campaigns" USING btree ("municipality_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "self_declarations_campaign_staff_uq" ON "self_declarations" USING btree ("campaign_id","staff_id");--> statement-breakpoint
CREATE INDEX "self_declarations_staff_idx" ON "self_declarations" USING btree ("staff_id");