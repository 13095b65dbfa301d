import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122000250 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "addon_rule" ("id" text not null, "product_id" text not null, "max_quantity" integer not null default 1, "segment_id" text null, "tier_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "addon_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_addon_rule_segment_id" ON "addon_rule" ("segment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_addon_rule_tier_id" ON "addon_rule" ("tier_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_addon_rule_deleted_at" ON "addon_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_addon_rule_tier_product" ON "addon_rule" ("tier_id", "product_id") WHERE tier_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_addon_rule_segment_product" ON "addon_rule" ("segment_id", "product_id") WHERE segment_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_addon_rule_product_id" ON "addon_rule" ("product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "addon_rule" add constraint "addon_rule_segment_id_foreign" foreign key ("segment_id") references "segment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table if exists "addon_rule" add constraint "addon_rule_tier_id_foreign" foreign key ("tier_id") references "tier" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "addon_rule" cascade;`);
  }

}
