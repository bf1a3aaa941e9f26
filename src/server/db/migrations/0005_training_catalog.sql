CREATE TABLE "training_courses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_courses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"provider" text NOT NULL,
	"mode" text NOT NULL,
	"co_hosts" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_rule" jsonb NOT NULL,
	"selection_methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"ability_item_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_category_ck" CHECK ("training_courses"."category" in ('general','special','self-directed','workplace','dispatch')),
	CONSTRAINT "training_courses_mode_ck" CHECK ("training_courses"."mode" in ('classroom','e-learning','correspondence','on-the-job'))
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"course_id" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"lecturer" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_period_ck" CHECK ("training_sessions"."ends_on" >= "training_sessions"."starts_on"),
	CONSTRAINT "training_sessions_capacity_ck" CHECK ("training_sessions"."capacity" is null or "training_sessions"."capacity" >= 1)
);
--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_courses_municipality_code_uq" ON "training_courses" USING btree ("municipality_id","code");--> statement-breakpoint
CREATE INDEX "training_sessions_municipality_year_idx" ON "training_sessions" USING btree ("municipality_id","fiscal_year","starts_on");--> statement-breakpoint
CREATE INDEX "training_sessions_course_idx" ON "training_sessions" USING btree ("course_id");