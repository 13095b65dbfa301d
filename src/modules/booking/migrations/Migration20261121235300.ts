import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121235300 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "high_demand_date" drop constraint if exists "high_demand_date_sales_channel_id_date_unique";`);
    this.addSql(`alter table if exists "capacity_override" drop constraint if exists "capacity_override_sales_channel_id_product_id_unique";`);
    this.addSql(`alter table if exists "booking" drop constraint if exists "booking_slot_unique";`);
    this.addSql(`alter table if exists "availability_settings" drop constraint if exists "availability_settings_sales_channel_id_unique";`);
    this.addSql(`create table if not exists "availability_settings" ("id" text not null, "sales_channel_id" text not null, "capacity_per_date" integer not null default 1, "min_lead_days" integer not null default 0, "max_advance_days" integer null, "high_demand_threshold" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "availability_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_availability_settings_deleted_at" ON "availability_settings" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_availability_settings_sales_channel_id_unique" ON "availability_settings" ("sales_channel_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "blackout" ("id" text not null, "sales_channel_id" text not null, "start_date" text not null, "end_date" text not null, "reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "blackout_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_blackout_deleted_at" ON "blackout" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_blackout_sales_channel_id_start_date_end_date" ON "blackout" ("sales_channel_id", "start_date", "end_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "booking" ("id" text not null, "sales_channel_id" text not null, "tier_id" text not null, "product_id" text not null, "event_date" text not null, "pool" text not null default '', "slot" integer not null, "status" text check ("status" in ('confirmed', 'canceled', 'completed')) not null default 'confirmed', "order_id" text null, "line_item_id" text null, "guest_count" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "booking_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_deleted_at" ON "booking" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_booking_slot_unique" ON "booking" ("sales_channel_id", "event_date", "pool", "slot") WHERE status <> 'canceled' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_sales_channel_id_event_date" ON "booking" ("sales_channel_id", "event_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_order_id" ON "booking" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "capacity_override" ("id" text not null, "sales_channel_id" text not null, "product_id" text not null, "capacity" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "capacity_override_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_capacity_override_deleted_at" ON "capacity_override" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_capacity_override_sales_channel_id_product_id_unique" ON "capacity_override" ("sales_channel_id", "product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "high_demand_date" ("id" text not null, "sales_channel_id" text not null, "date" text not null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "high_demand_date_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_high_demand_date_deleted_at" ON "high_demand_date" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_high_demand_date_sales_channel_id_date_unique" ON "high_demand_date" ("sales_channel_id", "date") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "availability_settings" cascade;`);

    this.addSql(`drop table if exists "blackout" cascade;`);

    this.addSql(`drop table if exists "booking" cascade;`);

    this.addSql(`drop table if exists "capacity_override" cascade;`);

    this.addSql(`drop table if exists "high_demand_date" cascade;`);
  }

}
