import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207063851 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "date_option" drop constraint if exists "date_option_status_check";`);

    this.addSql(`alter table if exists "date_option" add constraint "date_option_status_check" check("status" in ('live', 'queued', 'released', 'lapsed', 'converted', 'booked'));`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_date_option_draft_order_id" ON "date_option" ("draft_order_id") WHERE draft_order_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_date_option_draft_order_id";`);

    this.addSql(`alter table if exists "date_option" drop constraint if exists "date_option_status_check";`);

    this.addSql(`alter table if exists "date_option" add constraint "date_option_status_check" check("status" in ('live', 'queued', 'released', 'lapsed', 'converted'));`);
  }

}
