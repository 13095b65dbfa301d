import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207031513 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking" drop constraint if exists "booking_status_check";`);

    this.addSql(`alter table if exists "availability_settings" add column if not exists "hold_minutes" integer not null default 30, add column if not exists "time_zone" text not null default 'UTC', add column if not exists "feed_token" text null;`);

    this.addSql(`alter table if exists "booking" add column if not exists "expires_at" timestamptz null;`);
    this.addSql(`alter table if exists "booking" add constraint "booking_status_check" check("status" in ('held', 'pending', 'confirmed', 'canceled', 'completed'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_expires_at" ON "booking" ("expires_at") WHERE status = 'held' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "booking" drop constraint if exists "booking_status_check";`);

    this.addSql(`alter table if exists "availability_settings" drop column if exists "hold_minutes", drop column if exists "time_zone", drop column if exists "feed_token";`);

    this.addSql(`drop index if exists "IDX_booking_expires_at";`);
    this.addSql(`alter table if exists "booking" drop column if exists "expires_at";`);

    this.addSql(`alter table if exists "booking" add constraint "booking_status_check" check("status" in ('pending', 'confirmed', 'canceled', 'completed'));`);
  }

}
