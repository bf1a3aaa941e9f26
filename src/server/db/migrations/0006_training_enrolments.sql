CREATE TABLE "training_enrolments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_enrolments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"route" text NOT NULL,
	"status" text NOT NULL,
	"waitlist_position" integer,
	"decided_by_staff_id" integer,
	"note" text DEFAULT '' NOT NULL,
	"report" text,
	"survey" jsonb,
	"certificate" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_enrolments_route_ck" CHECK ("training_enrolments"."route" in ('automatic','unit-recommendation','designation','application','push')),
	CONSTRAINT "training_enrolments_status_ck" CHECK ("training_enrolments"."status" in ('applied','enrolled','waitlisted','rejected','cancelled','attended','completed','absent'))
);
--> statement-breakpoint
CREATE TABLE "training_pushes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_pushes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"course_id" integer NOT NULL,
	"sheet_id" integer,
	"ability_item_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"pushed_by_staff_id" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_pushes_status_ck" CHECK ("training_pushes"."status" in ('open','enrolled','dismissed'))
);
--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_decided_by_staff_id_staff_id_fk" FOREIGN KEY ("decided_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_pushes" ADD CONSTRAINT "training_pushes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_pushes" ADD CONSTRAINT "training_pushes_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_pushes" ADD CONSTRAINT "training_pushes_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_pushes" ADD CONSTRAINT "training_pushes_pushed_by_staff_id_staff_id_fk" FOREIGN KEY ("pushed_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_session_staff_uq" ON "training_enrolments" USING btree ("session_id","staff_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_staff_idx" ON "training_enrolments" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "training_pushes_staff_idx" ON "training_pushes" USING btree ("staff_id");