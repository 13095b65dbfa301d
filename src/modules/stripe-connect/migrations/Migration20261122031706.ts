import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122031706 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "processed_webhook" drop constraint if exists "processed_webhook_event_id_unique";`);
    this.addSql(`alter table if exists "connected_account" drop constraint if exists "connected_account_stripe_account_id_unique";`);
    this.addSql(`alter table if exists "connected_account" drop constraint if exists "connected_account_sales_channel_id_unique";`);
    this.addSql(`create table if not exists "connected_account" ("id" text not null, "sales_channel_id" text not null, "stripe_account_id" text not null, "details_submitted" boolean not null default false, "charges_enabled" boolean not null default false, "payouts_enabled" boolean not null default false, "requirements_due" jsonb not null default '[]', "status_updated_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "connected_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_connected_account_deleted_at" ON "connected_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_connected_account_sales_channel_id_unique" ON "connected_account" ("sales_channel_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_connected_account_stripe_account_id_unique" ON "connected_account" ("stripe_account_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "processed_webhook" ("id" text not null, "event_id" text not null, "type" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "processed_webhook_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_processed_webhook_deleted_at" ON "processed_webhook" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_processed_webhook_event_id_unique" ON "processed_webhook" ("event_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "connected_account" cascade;`);

    this.addSql(`drop table if exists "processed_webhook" cascade;`);
  }

}
