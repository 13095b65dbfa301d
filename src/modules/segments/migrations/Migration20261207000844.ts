import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207000844 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "commission_rate" drop constraint if exists "commission_rate_sales_channel_id_segment_id_unique";`);
    this.addSql(`create table if not exists "commission_rate" ("id" text not null, "sales_channel_id" text not null, "segment_id" text not null, "percent" real not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commission_rate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_rate_deleted_at" ON "commission_rate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_commission_rate_sales_channel_id_segment_id_unique" ON "commission_rate" ("sales_channel_id", "segment_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    // The table (created by tier_analytics before it moved here) holds the tenants' rates and the
    // previous release reads it there: rolling back keeps it.
  }

}
