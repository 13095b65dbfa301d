import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201225945 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "connected_account" add column if not exists "status_as_of" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "connected_account" drop column if exists "status_as_of";`);
  }

}
