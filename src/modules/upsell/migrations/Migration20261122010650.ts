import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122010650 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "experiment" drop constraint if exists "experiment_key_unique";`);
    this.addSql(`create table if not exists "experiment" ("id" text not null, "key" text not null, "name" text not null, "status" text check ("status" in ('draft', 'running', 'stopped')) not null default 'draft', "traffic_percent" real not null default 100, "variants" jsonb not null, "sales_channel_ids" jsonb not null default '[]', "started_at" timestamptz null, "stopped_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "experiment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_experiment_deleted_at" ON "experiment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_experiment_key_unique" ON "experiment" ("key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "experiment" cascade;`);
  }

}
