import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207092523 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_plan" drop constraint if exists "payment_plan_order_unique";`);
    this.addSql(`alter table if exists "payment_plan" drop constraint if exists "payment_plan_cart_unique";`);
    this.addSql(`create table if not exists "deposit_policy" ("id" text not null, "sales_channel_id" text not null, "segment_id" text null, "kind" text check ("kind" in ('percent', 'fixed')) not null, "value" real not null, "currency_code" text null, "balance_due_days" integer not null default 30, "deposit_refundable" boolean not null default false, "balance_refundable_days" integer not null default 30, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "deposit_policy_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_deposit_policy_deleted_at" ON "deposit_policy" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_deposit_policy_tenant_default" ON "deposit_policy" ("sales_channel_id") WHERE segment_id IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_deposit_policy_tenant_segment" ON "deposit_policy" ("sales_channel_id", "segment_id") WHERE segment_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payment_plan" ("id" text not null, "cart_id" text not null, "order_id" text null, "sales_channel_id" text not null, "currency_code" text not null, "total" numeric not null, "deposit" numeric not null, "balance" numeric not null, "balance_due_date" text null, "event_date" text null, "pay_in_full" boolean not null, "reason" text not null, "policy" jsonb null, "raw_total" jsonb not null, "raw_deposit" jsonb not null, "raw_balance" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_plan_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_plan_deleted_at" ON "payment_plan" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_plan_cart_unique" ON "payment_plan" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_plan_order_unique" ON "payment_plan" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "deposit_policy" cascade;`);

    this.addSql(`drop table if exists "payment_plan" cascade;`);
  }

}
