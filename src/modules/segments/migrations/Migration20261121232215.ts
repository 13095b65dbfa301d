import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121232215 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "tier" drop constraint if exists "tier_segment_popular_unique";`);
    this.addSql(`alter table if exists "tier" drop constraint if exists "tier_segment_level_live_unique";`);
    this.addSql(`alter table if exists "segment" drop constraint if exists "segment_handle_unique";`);
    this.addSql(`create table if not exists "segment" ("id" text not null, "handle" text not null, "name" text not null, "description" text null, "audience" text null, "price_min" numeric null, "price_max" numeric null, "rank" integer not null default 0, "image" text null, "is_active" boolean not null default true, "commission_percent" real not null default 0, "metadata" jsonb null, "raw_price_min" jsonb null, "raw_price_max" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "segment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_segment_deleted_at" ON "segment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_segment_handle_unique" ON "segment" ("handle") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "tier" ("id" text not null, "level" integer not null, "name" text not null, "max_guests" integer null, "features" jsonb not null default '[]', "is_popular" boolean not null default false, "rank" integer not null default 0, "archived_at" timestamptz null, "metadata" jsonb null, "segment_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tier_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tier_segment_id" ON "tier" ("segment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tier_deleted_at" ON "tier" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tier_segment_level_live_unique" ON "tier" ("segment_id", "level") WHERE archived_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tier_segment_popular_unique" ON "tier" ("segment_id") WHERE is_popular = true AND archived_at IS NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "tier" add constraint "tier_segment_id_foreign" foreign key ("segment_id") references "segment" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "tier" drop constraint if exists "tier_segment_id_foreign";`);

    this.addSql(`drop table if exists "segment" cascade;`);

    this.addSql(`drop table if exists "tier" cascade;`);
  }

}
