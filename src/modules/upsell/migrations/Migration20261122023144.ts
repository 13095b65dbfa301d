import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122023144 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "experiment_exposure" drop constraint if exists "experiment_exposure_experiment_id_visitor_id_unique";`);
    this.addSql(`create table if not exists "experiment_exposure" ("id" text not null, "experiment_id" text not null, "experiment_key" text not null, "variant" text not null, "visitor_id" text not null, "sales_channel_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "experiment_exposure_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_experiment_exposure_deleted_at" ON "experiment_exposure" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_experiment_exposure_experiment_id_visitor_id_unique" ON "experiment_exposure" ("experiment_id", "visitor_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "flag_settings" ("id" text not null, "overrides" jsonb not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "flag_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_flag_settings_deleted_at" ON "flag_settings" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "upsell_offer" ("id" text not null, "rule_id" text not null, "sales_channel_id" text not null, "visitor_id" text not null, "cart_id" text null, "action" text check ("action" in ('show_comparison', 'suggest_upgrade', 'emphasize_scarcity', 'suggest_addon_bundle')) not null, "headline" text not null, "body" text null, "from_tier_id" text null, "to_tier_id" text null, "event_date" text null, "incentive_percent" real null, "price_difference" numeric null, "currency_code" text null, "remaining_slots" integer null, "experiment_key" text null, "experiment_variant" text null, "status" text check ("status" in ('shown', 'accepted', 'declined')) not null default 'shown', "decided_at" timestamptz null, "redeemed_by" text null, "redeemed_at" timestamptz null, "raw_price_difference" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "upsell_offer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_upsell_offer_deleted_at" ON "upsell_offer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_upsell_offer_sales_channel_id_created_at" ON "upsell_offer" ("sales_channel_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_upsell_offer_rule_id_status" ON "upsell_offer" ("rule_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_upsell_offer_visitor_id" ON "upsell_offer" ("visitor_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "experiment" add column if not exists "rule_ids" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "experiment_exposure" cascade;`);

    this.addSql(`drop table if exists "flag_settings" cascade;`);

    this.addSql(`drop table if exists "upsell_offer" cascade;`);

    this.addSql(`alter table if exists "experiment" drop column if exists "rule_ids";`);
  }

}
