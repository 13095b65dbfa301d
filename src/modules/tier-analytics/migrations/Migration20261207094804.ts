import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207094804 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "store_request_bucket" drop constraint if exists "store_request_bucket_sales_channel_id_minute_unique";`);
    this.addSql(`create table if not exists "store_request_bucket" ("id" text not null, "sales_channel_id" text not null, "minute" timestamptz not null, "requests" integer not null default 0, "errors" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "store_request_bucket_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_store_request_bucket_deleted_at" ON "store_request_bucket" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_store_request_bucket_sales_channel_id_minute_unique" ON "store_request_bucket" ("sales_channel_id", "minute") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_store_request_bucket_minute" ON "store_request_bucket" ("minute") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "tier_event" drop constraint if exists "tier_event_name_check";`);

    this.addSql(`alter table if exists "tier_event" add constraint "tier_event_name_check" check("name" in ('segment_selected', 'tier_viewed', 'tier_compared', 'upsell_shown', 'upsell_accepted', 'upsell_declined', 'checkout_started', 'page_load'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "store_request_bucket" cascade;`);

    this.addSql(`alter table if exists "tier_event" drop constraint if exists "tier_event_name_check";`);

    this.addSql(`alter table if exists "tier_event" add constraint "tier_event_name_check" check("name" in ('segment_selected', 'tier_viewed', 'tier_compared', 'upsell_shown', 'upsell_accepted', 'upsell_declined', 'checkout_started'));`);
  }

}
