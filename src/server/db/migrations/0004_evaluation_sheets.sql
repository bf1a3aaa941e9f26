CREATE TABLE "evaluation_cycles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_cycles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"period" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"settings" jsonb NOT NULL,
	"includes_fiscal_year_staff" boolean NOT NULL,
	"relations_as_of" date NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by_account_id" integer NOT NULL,
	CONSTRAINT "evaluation_cycles_period_ck" CHECK ("evaluation_cycles"."period" in ('first-half','second-half','year'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_handovers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_handovers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"sheet_id" integer NOT NULL,
	"kind" text NOT NULL,
	"former_staff_id" integer NOT NULL,
	"new_staff_id" integer,
	"handed_over_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_handovers_kind_ck" CHECK ("evaluation_handovers"."kind" in ('evaluator','confirmer'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_sheet_actions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_sheet_actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"sheet_id" integer NOT NULL,
	"request_key" text NOT NULL,
	"action" text NOT NULL,
	"relation" text NOT NULL,
	"actor_account_id" integer NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_sheets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_sheets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"cycle_id" integer NOT NULL,
	"kind" text NOT NULL,
	"staff_id" integer NOT NULL,
	"evaluator_staff_id" integer,
	"confirmer_staff_id" integer,
	"unit_id" integer,
	"position_id" integer,
	"state" text NOT NULL,
	"completed_steps" text[] DEFAULT '{}'::text[] NOT NULL,
	"rated_grade" text,
	"final_grade" text,
	"is_hr_proxy" boolean DEFAULT false NOT NULL,
	"document" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_sheets_kind_ck" CHECK ("evaluation_sheets"."kind" in ('performance','ability'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"recipient_staff_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"mail_status" text,
	"mail_error" text
);
--> statement-breakpoint
CREATE TABLE "team_goals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "team_goals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"cycle_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_by_staff_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "evaluation_cycles" ADD CONSTRAINT "evaluation_cycles_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_handovers" ADD CONSTRAINT "evaluation_handovers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_handovers" ADD CONSTRAINT "evaluation_handovers_sheet_id_evaluation_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."evaluation_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_handovers" ADD CONSTRAINT "evaluation_handovers_former_staff_id_staff_id_fk" FOREIGN KEY ("former_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_handovers" ADD CONSTRAINT "evaluation_handovers_new_staff_id_staff_id_fk" FOREIGN KEY ("new_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sheet_actions" ADD CONSTRAINT "evaluation_sheet_actions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sheet_actions" ADD CONSTRAINT "evaluation_sheet_actions_sheet_id_evaluation_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."evaluation_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sheets" ADD CONSTRAINT "evaluation_sheets_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sheets" ADD CONSTRAINT "evaluation_sheets_cycle_id_evaluation_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."evaluation_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sheets" ADD CONSTRAINT "evaluation_sheets_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sheets" ADD CONSTRAINT "evaluation_sheets_evaluator_staff_id_staff_id_fk" FOREIGN KEY ("evaluator_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sheets" ADD CONSTRAINT "evaluation_sheets_confirmer_staff_id_staff_id_fk" FOREIGN KEY ("confirmer_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sheets" ADD CONSTRAINT "evaluation_sheets_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sheets" ADD CONSTRAINT "evaluation_sheets_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_staff_id_staff_id_fk" FOREIGN KEY ("recipient_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_goals" ADD CONSTRAINT "team_goals_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_goals" ADD CONSTRAINT "team_goals_cycle_id_evaluation_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."evaluation_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_goals" ADD CONSTRAINT "team_goals_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_cycles_municipality_period_uq" ON "evaluation_cycles" USING btree ("municipality_id","fiscal_year","period");--> statement-breakpoint
CREATE INDEX "evaluation_handovers_sheet_idx" ON "evaluation_handovers" USING btree ("sheet_id");--> statement-breakpoint
CREATE INDEX "evaluation_handovers_former_idx" ON "evaluation_handovers" USING btree ("former_staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_sheet_actions_key_uq" ON "evaluation_sheet_actions" USING btree ("sheet_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_sheets_cycle_staff_uq" ON "evaluation_sheets" USING btree ("cycle_id","staff_id");--> statement-breakpoint
CREATE INDEX "evaluation_sheets_cycle_unit_idx" ON "evaluation_sheets" USING btree ("cycle_id","unit_id","state");--> statement-breakpoint
CREATE INDEX "evaluation_sheets_staff_idx" ON "evaluation_sheets" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "evaluation_sheets_evaluator_idx" ON "evaluation_sheets" USING btree ("evaluator_staff_id","cycle_id");--> statement-breakpoint
CREATE INDEX "evaluation_sheets_confirmer_idx" ON "evaluation_sheets" USING btree ("confirmer_staff_id","cycle_id");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_staff_id","created_at");--> statement-breakpoint
CREATE INDEX "team_goals_cycle_unit_idx" ON "team_goals" USING btree ("cycle_id","unit_id");