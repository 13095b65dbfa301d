import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201225407 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking" drop constraint if exists "booking_tier_line_unique";`);
    this.addSql(`alter table if exists "tier_line" drop constraint if exists "tier_line_cart_line_item_id_unique";`);
    this.addSql(`create table if not exists "booking_repair" ("id" text not null, "kind" text check ("kind" in ('claim_confirmed', 'claim_released', 'booking_created', 'booking_canceled', 'booking_moved', 'upgrade_completed', 'upgrade_undone', 'offer_released', 'conversion_recorded', 'order_canceled', 'order_flagged')) not null, "sales_channel_id" text null, "order_id" text null, "cart_id" text null, "booking_id" text null, "tier_line_id" text null, "event_date" text null, "reason" text not null, "needs_attention" boolean not null default false, "resolved_at" timestamptz null, "resolved_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "booking_repair_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_repair_deleted_at" ON "booking_repair" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_repair_order_id" ON "booking_repair" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_repair_sales_channel_id_created_at" ON "booking_repair" ("sales_channel_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_repair_needs_attention_resolved_at" ON "booking_repair" ("needs_attention", "resolved_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "reconcile_run" ("id" text not null, "trigger" text check ("trigger" in ('boot', 'schedule', 'admin', 'test')) not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "checked_until" timestamptz null, "orders_checked" integer not null default 0, "repairs" integer not null default 0, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "reconcile_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reconcile_run_deleted_at" ON "reconcile_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reconcile_run_finished_at" ON "reconcile_run" ("finished_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "tier_line" ("id" text not null, "kind" text check ("kind" in ('tier', 'addon')) not null, "line_key" text not null, "parent_id" text null, "sales_channel_id" text not null, "cart_id" text null, "cart_line_item_id" text null, "order_id" text null, "order_line_item_id" text null, "tier_id" text not null, "segment_id" text not null, "product_id" text not null, "variant_id" text not null, "event_date" text not null, "guest_count" integer null, "quantity" integer not null, "unit_price" numeric not null, "currency_code" text not null, "price_breakdown" jsonb not null, "upgraded_from_tier_id" text null, "upsell_offer_id" text null, "upgrade_incentive_percent" real not null default 0, "status" text check ("status" in ('active', 'pending', 'replaced')) not null default 'active', "raw_unit_price" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tier_line_pkey" primary key ("id"), constraint tier_line_event_date_check check (event_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}\$' AND event_date::date BETWEEN '2000-01-01' AND '2200-12-31'), constraint tier_line_quantity_check check (quantity > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tier_line_deleted_at" ON "tier_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tier_line_cart_line_item_id_unique" ON "tier_line" ("cart_line_item_id") WHERE cart_line_item_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tier_line_order_line_item_id" ON "tier_line" ("order_line_item_id") WHERE order_line_item_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tier_line_cart_id" ON "tier_line" ("cart_id") WHERE cart_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tier_line_order_id" ON "tier_line" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tier_line_line_key" ON "tier_line" ("line_key") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "booking" drop constraint if exists "booking_status_check";`);

    this.addSql(`alter table if exists "booking" add column if not exists "tier_line_id" text null, add column if not exists "cart_id" text null;`);
    this.addSql(`alter table if exists "booking" add constraint "booking_status_check" check("status" in ('pending', 'confirmed', 'canceled', 'completed'));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_booking_tier_line_unique" ON "booking" ("tier_line_id") WHERE tier_line_id IS NOT NULL AND status <> 'canceled' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_cart_id" ON "booking" ("cart_id") WHERE cart_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_status_created_at" ON "booking" ("status", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "booking_repair" cascade;`);

    this.addSql(`drop table if exists "reconcile_run" cascade;`);

    this.addSql(`drop table if exists "tier_line" cascade;`);

    this.addSql(`alter table if exists "booking" drop constraint if exists "booking_status_check";`);

    this.addSql(`drop index if exists "IDX_booking_tier_line_unique";`);
    this.addSql(`drop index if exists "IDX_booking_cart_id";`);
    this.addSql(`drop index if exists "IDX_booking_status_created_at";`);
    this.addSql(`alter table if exists "booking" drop column if exists "tier_line_id", drop column if exists "cart_id";`);

    this.addSql(`alter table if exists "booking" add constraint "booking_status_check" check("status" in ('confirmed', 'canceled', 'completed'));`);
  }

}
