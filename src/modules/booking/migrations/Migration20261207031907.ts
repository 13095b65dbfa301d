import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207031907 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "availability_settings" add column if not exists "allow_customer_reschedule" boolean not null default false, add column if not exists "reschedule_notice_days" integer not null default 14;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "availability_settings" drop column if exists "allow_customer_reschedule", drop column if exists "reschedule_notice_days";`);
  }

}
