import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207040920 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "date_option" ("id" text not null, "sales_channel_id" text not null, "event_date" text not null, "tier_id" text not null, "product_id" text not null, "client_name" text not null, "client_email" text not null, "note" text null, "hold_hours" integer not null, "expires_at" timestamptz null, "position" integer not null, "status" text check ("status" in ('live', 'queued', 'released', 'lapsed', 'converted')) not null default 'queued', "booking_id" text null, "draft_order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "date_option_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_date_option_deleted_at" ON "date_option" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_date_option_sales_channel_id_event_date_position" ON "date_option" ("sales_channel_id", "event_date", "position") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_date_option_status_expires_at" ON "date_option" ("status", "expires_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "booking" add column if not exists "option_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "date_option" cascade;`);

    this.addSql(`alter table if exists "booking" drop column if exists "option_id";`);
  }

}
