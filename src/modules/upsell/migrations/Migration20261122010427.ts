import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122010427 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "upsell_rule" ("id" text not null, "name" text not null, "trigger" jsonb not null, "action" text check ("action" in ('show_comparison', 'suggest_upgrade', 'emphasize_scarcity', 'suggest_addon_bundle')) not null, "incentive_percent" real null, "headline" text not null, "body" text null, "priority" integer not null default 0, "starts_at" timestamptz null, "ends_at" timestamptz null, "is_active" boolean not null default true, "sales_channel_ids" jsonb not null default '[]', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "upsell_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_upsell_rule_deleted_at" ON "upsell_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_upsell_rule_is_active_priority" ON "upsell_rule" ("is_active", "priority") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "upsell_rule" cascade;`);
  }

}
