import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122025958 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "conversion" drop constraint if exists "conversion_order_id_reference_unique";`);
    this.addSql(`create table if not exists "conversion" ("id" text not null, "order_id" text not null, "kind" text check ("kind" in ('order', 'upgrade', 'reversal')) not null, "reference" text not null, "sales_channel_id" text not null, "currency_code" text not null, "revenue" numeric not null, "addon_revenue" numeric not null, "commission" numeric not null, "upsell_offer_id" text null, "upsell_rule_id" text null, "experiment_id" text null, "experiment_key" text null, "experiment_variant" text null, "visitor_id" text null, "occurred_at" timestamptz not null, "raw_revenue" jsonb not null, "raw_addon_revenue" jsonb not null, "raw_commission" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "conversion_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversion_deleted_at" ON "conversion" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_conversion_order_id_reference_unique" ON "conversion" ("order_id", "reference") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversion_sales_channel_id_occurred_at" ON "conversion" ("sales_channel_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversion_experiment_id" ON "conversion" ("experiment_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "conversion_line" ("id" text not null, "conversion_id" text not null, "order_id" text not null, "sales_channel_id" text not null, "tier_line_key" text not null, "segment_id" text not null, "tier_id" text not null, "currency_code" text not null, "revenue" numeric not null, "addon_revenue" numeric not null, "commission" numeric not null, "occurred_at" timestamptz not null, "raw_revenue" jsonb not null, "raw_addon_revenue" jsonb not null, "raw_commission" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "conversion_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversion_line_deleted_at" ON "conversion_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversion_line_conversion_id" ON "conversion_line" ("conversion_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversion_line_order_id" ON "conversion_line" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversion_line_sales_channel_id_occurred_at" ON "conversion_line" ("sales_channel_id", "occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "tier_event" ("id" text not null, "name" text check ("name" in ('segment_selected', 'tier_viewed', 'tier_compared', 'upsell_shown', 'upsell_accepted', 'upsell_declined', 'checkout_started')) not null, "visitor_id" text not null, "sales_channel_id" text not null, "segment_id" text null, "tier_id" text null, "properties" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tier_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tier_event_deleted_at" ON "tier_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tier_event_sales_channel_id_created_at" ON "tier_event" ("sales_channel_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tier_event_name_created_at" ON "tier_event" ("name", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tier_event_visitor_id_created_at" ON "tier_event" ("visitor_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "conversion" cascade;`);

    this.addSql(`drop table if exists "conversion_line" cascade;`);

    this.addSql(`drop table if exists "tier_event" cascade;`);
  }

}
