import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207124143 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "deposit_policy" add column if not exists "instalments" integer not null default 1;`);

    this.addSql(`alter table if exists "payment_plan" add column if not exists "instalments" jsonb null, add column if not exists "first_due_date" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "deposit_policy" drop column if exists "instalments";`);

    this.addSql(`alter table if exists "payment_plan" drop column if exists "instalments", drop column if exists "first_due_date";`);
  }

}
