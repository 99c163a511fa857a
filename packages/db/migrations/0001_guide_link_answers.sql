CREATE TABLE "guide_link_answers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"link_id" uuid NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "guide_link_answers" ADD CONSTRAINT "guide_link_answers_link_id_guide_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."guide_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guide_link_answers_link_idx" ON "guide_link_answers" USING btree ("link_id");