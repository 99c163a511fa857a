ALTER TABLE "deals" ADD COLUMN "state" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "state_reason" text;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "state_changed_at" timestamp with time zone;