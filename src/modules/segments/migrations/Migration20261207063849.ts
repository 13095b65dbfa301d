import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207063849 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "tier" add column if not exists "days" integer not null default 1;`);
    this.addSql(`alter table if exists "tier" add constraint tier_days_check check(days BETWEEN 1 AND 14);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "tier" drop constraint if exists tier_days_check;`);
    this.addSql(`alter table if exists "tier" drop column if exists "days";`);
  }

}
