import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207092536 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "notice_settings" drop constraint if exists "notice_settings_sales_channel_id_unique";`);
    this.addSql(`create table if not exists "notice_settings" ("id" text not null, "sales_channel_id" text not null, "disabled_templates" text[] not null default '{}', "option_lapsing_hours" integer not null default 24, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notice_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notice_settings_deleted_at" ON "notice_settings" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notice_settings_sales_channel_id_unique" ON "notice_settings" ("sales_channel_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notice_settings" cascade;`);
  }

}
