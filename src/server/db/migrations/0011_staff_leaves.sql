CREATE TABLE "staff_leaves" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_leaves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_leaves_kind_ck" CHECK ("staff_leaves"."kind" in ('childcare','family-care','sickness','other')),
	CONSTRAINT "staff_leaves_period_ck" CHECK ("staff_leaves"."ends_on" is null or "staff_leaves"."ends_on" >= "staff_leaves"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "staff_leaves" ADD CONSTRAINT "staff_leaves_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_leaves" ADD CONSTRAINT "staff_leaves_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_leaves_staff_idx" ON "staff_leaves" USING btree ("staff_id","starts_on");--> statement-breakpoint
CREATE INDEX "staff_leaves_municipality_idx" ON "staff_leaves" USING btree ("municipality_id","ends_on");