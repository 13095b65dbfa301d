import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121233818 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pricing_rule" ("id" text not null, "label" text not null, "kind" text check ("kind" in ('season', 'last_minute', 'early_bird', 'weekday')) not null, "percent" real not null, "priority" integer not null default 0, "stackable" boolean not null default true, "is_active" boolean not null default true, "segment_ids" jsonb not null default '[]', "months" jsonb null, "start_date" text null, "end_date" text null, "repeats_yearly" boolean not null default false, "days" integer null, "weekdays" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pricing_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pricing_rule_deleted_at" ON "pricing_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pricing_rule_is_active_priority" ON "pricing_rule" ("is_active", "priority") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pricing_rule" cascade;`);
  }

}
