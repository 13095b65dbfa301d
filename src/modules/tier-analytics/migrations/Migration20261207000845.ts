import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207000845 extends Migration {

  override async up(): Promise<void> {
    // "commission_rate" now belongs to the segments module and is kept with its rows (no drop).
  }

  override async down(): Promise<void> {
    // "commission_rate" belongs to the segments module and was never dropped here: nothing to restore.
  }

}
