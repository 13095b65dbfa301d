import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202001435 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking_repair" drop constraint if exists "booking_repair_kind_check";`);

    this.addSql(`alter table if exists "booking_repair" add constraint "booking_repair_kind_check" check("kind" in ('claim_confirmed', 'claim_released', 'booking_created', 'booking_canceled', 'booking_moved', 'upgrade_completed', 'upgrade_undone', 'offer_released', 'conversion_recorded', 'order_canceled', 'order_flagged', 'cart_completed'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "booking_repair" drop constraint if exists "booking_repair_kind_check";`);

    this.addSql(`alter table if exists "booking_repair" add constraint "booking_repair_kind_check" check("kind" in ('claim_confirmed', 'claim_released', 'booking_created', 'booking_canceled', 'booking_moved', 'upgrade_completed', 'upgrade_undone', 'offer_released', 'conversion_recorded', 'order_canceled', 'order_flagged'));`);
  }

}
