CREATE TABLE "deal_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deal_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"stage" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared" "bytea" NOT NULL,
	"seller" "bytea" NOT NULL,
	"buyer" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verifier_reminders" (
	"deal_id" uuid NOT NULL,
	"verifier_id" text NOT NULL,
	"day" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verifier_reminders_deal_id_verifier_id_day_pk" PRIMARY KEY("deal_id","verifier_id","day")
);
--> statement-breakpoint
ALTER TABLE "deal_versions" ADD CONSTRAINT "deal_versions_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_versions" ADD CONSTRAINT "deal_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verifier_reminders" ADD CONSTRAINT "verifier_reminders_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deal_versions_deal_idx" ON "deal_versions" USING btree ("deal_id","created_at");