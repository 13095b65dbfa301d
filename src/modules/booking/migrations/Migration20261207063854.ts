import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207063854 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking" add column if not exists "day" integer not null default 0, add column if not exists "first_day_id" text null;`);
    // One live booking per tier line record and day (the generator does not see an index's columns change under the same name).
    this.addSql(`drop index if exists "IDX_booking_tier_line_unique";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_booking_tier_line_unique" ON "booking" ("tier_line_id", "day") WHERE tier_line_id IS NOT NULL AND status <> 'canceled' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_first_day_id" ON "booking" ("first_day_id") WHERE first_day_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "tier_line" add column if not exists "days" integer not null default 1;`);
    this.addSql(`alter table if exists "tier_line" add constraint tier_line_days_check check(days BETWEEN 1 AND 14);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_booking_first_day_id";`);
    this.addSql(`drop index if exists "IDX_booking_tier_line_unique";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_booking_tier_line_unique" ON "booking" ("tier_line_id") WHERE tier_line_id IS NOT NULL AND status <> 'canceled' AND deleted_at IS NULL;`);
    this.addSql(`alter table if exists "booking" drop column if exists "day", drop column if exists "first_day_id";`);

    this.addSql(`alter table if exists "tier_line" drop constraint if exists tier_line_days_check;`);
    this.addSql(`alter table if exists "tier_line" drop column if exists "days";`);
  }

}
