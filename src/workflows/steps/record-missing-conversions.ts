import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { olderThan } from "../../lib/reconcile"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import type { RepairInput } from "../../modules/booking/service"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../modules/tier-analytics"
import { recordConversionWorkflow } from "../record-conversion"

const CHUNK = 500

/**
 * Each order with packages becomes its conversion exactly once, and a canceled one its reversal:
 * when the event that should have recorded it was lost (the process died after the order was
 * placed or canceled), the reconciler records it. The unique (order, reference) index keeps a
 * late event from counting twice.
 */
export const recordMissingConversionsStep = createStep(
  "record-missing-conversions",
  async (input: { since: string | null; until: string; grace_minutes: number }, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const analytics: TierAnalyticsModuleService = container.resolve(TIER_ANALYTICS_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const window = { ...(input.since ? { $gte: new Date(input.since) } : {}), $lte: new Date(input.until) }
    const records = await service.listTierLines({ order_id: { $ne: null }, updated_at: window }, { select: ["order_id"] })
    // A cancellation touches the order, not its records: orders canceled in the window are looked at too.
    const { data: canceled } = await query.graph({ entity: "order", fields: ["id"], filters: { status: "canceled", updated_at: window } })
    const canceledIds = (canceled as { id: string }[]).map((o) => o.id)
    for (let i = 0; i < canceledIds.length; i += CHUNK) {
      records.push(...(await service.listTierLines({ order_id: canceledIds.slice(i, i + CHUNK) }, { select: ["order_id"] })))
    }
    const orderIds = [...new Set(records.map((r) => r.order_id!))]
    const repairs: RepairInput[] = []
    const now = new Date()
    for (let i = 0; i < orderIds.length; i += CHUNK) {
      const ids = orderIds.slice(i, i + CHUNK)
      const [{ data: orders }, conversions] = await Promise.all([
        query.graph({ entity: "order", fields: ["id", "status", "created_at", "sales_channel_id"], filters: { id: ids } }),
        analytics.listConversions({ order_id: ids, reference: ["placed", "canceled"] }, { select: ["order_id", "reference"] }),
      ])
      const has = new Set(conversions.map((c) => `${c.order_id}|${c.reference}`))
      for (const order of orders as { id: string; status: string; created_at: string; sales_channel_id: string }[]) {
        if (!olderThan(order.created_at, now, input.grace_minutes)) {
          continue
        }
        const changes: ("placed" | "canceled")[] = []
        if (!has.has(`${order.id}|placed`)) {
          changes.push("placed")
        }
        if (order.status === "canceled" && !has.has(`${order.id}|canceled`)) {
          changes.push("canceled")
        }
        for (const kind of changes) {
          const { result } = await recordConversionWorkflow(container).run({ input: { order_id: order.id, change: { kind } } })
          if (result) {
            repairs.push({
              kind: "conversion_recorded",
              sales_channel_id: order.sales_channel_id,
              order_id: order.id,
              reason: `The ${kind === "placed" ? "conversion" : "cancellation"} of order ${order.id} had not been recorded (its event was lost); it was recorded now`,
            })
          }
        }
      }
    }
    return new StepResponse({ repairs: await service.recordRepairs(repairs), orders_checked: orderIds.length })
  }
)
