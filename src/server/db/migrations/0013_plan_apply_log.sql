CREATE TABLE "transfer_plan_apply_logs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfer_plan_apply_logs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"effective_date" date NOT NULL,
	"changes" jsonb NOT NULL,
	"fingerprints" jsonb NOT NULL,
	"applied_by_account_id" integer NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"undone_by_account_id" integer,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "transfer_plan_apply_logs" ADD CONSTRAINT "transfer_plan_apply_logs_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_plan_apply_logs" ADD CONSTRAINT "transfer_plan_apply_logs_plan_id_transfer_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."transfer_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transfer_plan_apply_logs_plan_idx" ON "transfer_plan_apply_logs" USING btree ("municipality_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_plan_apply_logs_open_uq" ON "transfer_plan_apply_logs" USING btree ("plan_id") WHERE "transfer_plan_apply_logs"."undone_at" is null;