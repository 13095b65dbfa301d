import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import type { RepairInput } from "../../modules/booking/service"
import { recordConversionWorkflow } from "../record-conversion"
import { bookOptionOrder } from "./date-options"

const PAGE = 500

/**
 * A merchant option whose draft order became an order, but whose booking was not made (the
 * process died before order.placed was handled): the option's hold becomes the order's booking
 * now, or the date is booked again when the hold lapsed meanwhile (or the order flagged when the
 * date went to someone else), and its conversion is recorded (once: the records are newer than the
 * window the conversions step reads). Options touched in the run's window are looked at; and an
 * option's order canceled in the window gives its date back if its order.canceled was lost.
 */
export const settleOptionOrdersStep = createStep(
  "settle-option-orders",
  async (input: { since: string | null; until: string }, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const window = { ...(input.since ? { $gte: new Date(input.since) } : {}), $lte: new Date(input.until) }
    const repairs: RepairInput[] = []
    let checked = 0
    for (let skip = 0; ; skip += PAGE) {
      const options = await service.listDateOptions(
        { draft_order_id: { $ne: null }, status: ["converted", "lapsed", "released"], updated_at: window },
        { select: ["id", "draft_order_id", "sales_channel_id"], skip, take: PAGE, order: { id: "ASC" } }
      )
      const { data } = options.length
        ? await query.graph({ entity: "order", fields: ["id", "is_draft_order", "status"], filters: { id: options.map((o) => o.draft_order_id!) } })
        : { data: [] }
      const placed = (data as { id: string; is_draft_order: boolean; status: string }[]).filter((o) => !o.is_draft_order && o.status !== "draft" && o.status !== "canceled")
      checked += placed.length
      for (const order of placed) {
        const done = await bookOptionOrder(container, order.id)
        if (done && (done.change === "hold_confirmed" || done.change === "booking_created")) {
          repairs.push({
            kind: done.change === "hold_confirmed" ? "claim_confirmed" : "booking_created",
            sales_channel_id: options.find((o) => o.draft_order_id === order.id)?.sales_channel_id ?? null,
            order_id: order.id,
            booking_id: done.booking_id,
            reason: `Order ${order.id} came from option ${done.option_id} but its booking was not made (its order.placed was lost); the option's date was booked now`,
          })
          await recordConversionWorkflow(container).run({ input: { order_id: order.id, change: { kind: "placed" } } })
        }
      }
      if (options.length < PAGE) {
        break
      }
    }
    // Orders of options canceled in the window whose cancellation did not reach their booking.
    for (let skip = 0; ; skip += PAGE) {
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "sales_channel_id"],
        filters: { status: "canceled", updated_at: window },
        pagination: { skip, take: PAGE, order: { id: "ASC" } },
      })
      const canceled = data as { id: string; sales_channel_id: string | null }[]
      const ofOptions = canceled.length ? await service.listDateOptions({ draft_order_id: canceled.map((o) => o.id) }, { select: ["draft_order_id"] }) : []
      const live = ofOptions.length
        ? await service.listBookings({ order_id: ofOptions.map((o) => o.draft_order_id!), status: "confirmed" }, { select: ["id", "order_id", "sales_channel_id"] })
        : []
      if (live.length) {
        await service.updateBookings(live.map((b) => ({ id: b.id, status: "canceled" as const })))
        repairs.push(
          ...live.map((b) => ({
            kind: "booking_canceled" as const,
            sales_channel_id: b.sales_channel_id,
            order_id: b.order_id,
            booking_id: b.id,
            reason: `Order ${b.order_id} (from an option) was canceled but its booking was still live; the date was given back`,
          }))
        )
      }
      checked += ofOptions.length
      if (canceled.length < PAGE) {
        break
      }
    }
    return new StepResponse({ repairs: await service.recordRepairs(repairs), orders_checked: checked })
  }
)
