import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207124157 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "balance_schedule" add column if not exists "reminded_for" text null, add column if not exists "overdue_for" text null, add column if not exists "attempts_for" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "balance_schedule" drop column if exists "reminded_for", drop column if exists "overdue_for", drop column if exists "attempts_for";`);
  }

}
