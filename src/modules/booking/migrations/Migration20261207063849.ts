import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207063849 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "date_option" drop constraint if exists "date_option_status_check";`);

    this.addSql(`alter table if exists "date_option" add constraint "date_option_status_check" check("status" in ('live', 'queued', 'released', 'lapsed', 'converted', 'booked'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "date_option" drop constraint if exists "date_option_status_check";`);

    this.addSql(`alter table if exists "date_option" add constraint "date_option_status_check" check("status" in ('live', 'queued', 'released', 'lapsed', 'converted'));`);
  }

}
