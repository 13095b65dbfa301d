import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207100851 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "rollout_change" ("id" text not null, "feature" text check ("feature" in ('tiered_catalog', 'upsell')) not null, "action" text check ("action" in ('advance', 'set', 'pause', 'resume', 'rollback')) not null, "from_percent" integer not null, "to_percent" integer not null, "from_paused" boolean not null default false, "to_paused" boolean not null default false, "reason" text not null, "actor_id" text null, "figures" jsonb null, "announced_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rollout_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rollout_change_deleted_at" ON "rollout_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rollout_change_feature_created_at" ON "rollout_change" ("feature", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rollout_change" cascade;`);
  }

}
