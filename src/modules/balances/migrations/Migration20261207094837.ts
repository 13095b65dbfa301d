import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207094837 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "balance_schedule" drop constraint if exists "balance_schedule_order_unique";`);
    this.addSql(`create table if not exists "balance_schedule" ("id" text not null, "order_id" text not null, "sales_channel_id" text not null, "provider_id" text null, "payment_method_id" text null, "attempts" integer not null default 0, "last_error" text null, "last_attempt_at" timestamptz null, "flagged_at" timestamptz null, "reminded_on" text null, "overdue_on" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "balance_schedule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_balance_schedule_deleted_at" ON "balance_schedule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_balance_schedule_order_unique" ON "balance_schedule" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "balance_schedule" cascade;`);
  }

}
