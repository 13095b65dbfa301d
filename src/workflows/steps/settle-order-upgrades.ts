import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelBeginOrderEditWorkflow } from "@medusajs/medusa/core-flows"
import { pendingUpgradeVerdict } from "../../lib/reconcile"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import type { RepairInput } from "../../modules/booking/service"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"
import { completeOrderUpgrade } from "./complete-order-upgrade"
import { ORDER_UPGRADE_DESCRIPTION } from "./prepare-order-tier-upgrade"

/**
 * Order upgrades a process left half-done (their new line's record still `pending`): finished
 * when Medusa's order edit was confirmed (the booking follows the new line), otherwise, after
 * the grace period, undone: the open order edit canceled, the record dropped, the offer freed.
 */
export const settleOrderUpgradesStep = createStep(
  "settle-order-upgrades",
  async (input: { grace_minutes: number }, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const upsell: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const pending = await service.listTierLines({ status: "pending" })
    const repairs: RepairInput[] = []
    const now = new Date()
    for (const record of pending) {
      if (!record.order_id) {
        continue
      }
      const base = { sales_channel_id: record.sales_channel_id, order_id: record.order_id, tier_line_id: record.id, event_date: record.event_date }
      const result = await completeOrderUpgrade(container, { order_id: record.order_id, record_id: record.id })
      if (result.state === "completed") {
        repairs.push({ ...base, kind: "upgrade_completed", reason: `The upgrade of order ${record.order_id} to ${record.tier_id} was confirmed but not finished; its booking now follows the new line` })
        continue
      }
      if (result.state === "no_slot") {
        repairs.push({
          ...base,
          kind: "order_flagged",
          needs_attention: true,
          reason: `Order ${record.order_id} was upgraded but ${record.event_date} has no room left in the new package's capacity; the booking stayed on the old package`,
        })
        continue
      }
      if (result.state !== "not_applied" || pendingUpgradeVerdict({ created_at: record.created_at, now, grace_minutes: input.grace_minutes, line_in_order: false }) !== "undo") {
        continue
      }
      const { data: changes } = await query.graph({
        entity: "order_change",
        fields: ["id", "status", "description"],
        filters: { order_id: record.order_id, status: ["pending", "requested"] },
      })
      if ((changes as { description: string | null }[]).some((c) => c.description === ORDER_UPGRADE_DESCRIPTION)) {
        await cancelBeginOrderEditWorkflow(container).run({ input: { order_id: record.order_id } })
      }
      await service.deleteTierLines(record.id)
      repairs.push({ ...base, kind: "upgrade_undone", reason: `The upgrade of order ${record.order_id} stopped before its order edit was confirmed; it was undone` })
      if (record.upsell_offer_id) {
        const [offer] = await upsell.listUpsellOffers({ id: record.upsell_offer_id }, { select: ["id", "redeemed_by", "redeemed_at"] })
        if (offer?.redeemed_at && offer.redeemed_by === record.order_id) {
          await upsell.releaseOffer({ id: offer.id, redeemed_by: offer.redeemed_by, redeemed_at: offer.redeemed_at })
          repairs.push({ ...base, kind: "offer_released", reason: `Offer ${offer.id} was used by an upgrade that did not happen; it can be used again` })
        }
      }
    }
    return new StepResponse({ repairs: await service.recordRepairs(repairs) })
  }
)
