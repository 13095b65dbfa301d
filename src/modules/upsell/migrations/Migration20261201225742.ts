import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201225742 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "upsell_offer" add column if not exists "shown_on" text null, add column if not exists "tiers_key" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_upsell_offer_once_a_day" ON "upsell_offer" ("sales_channel_id", "visitor_id", "rule_id", "tiers_key", "shown_on") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_upsell_offer_once_a_day";`);
    this.addSql(`alter table if exists "upsell_offer" drop column if exists "shown_on", drop column if exists "tiers_key";`);
  }

}
