import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { tenantAvailability } from "../../queries/availability"
import { ConflictError } from "../errors"

type OrderRow = {
  id: string
  sales_channel_id: string
  items?: { id: string; title: string; product_id: string | null; metadata: Record<string, unknown> | null }[] | null
}

// Medusa reports the index's violation as "Booking with ... already exists."
const isSlotTaken = (e: unknown) => {
  const error = e as { code?: string; message?: string }
  return error?.code === "23505" || /already exists|unique|duplicate/i.test(String(error?.message))
}

// Not in the hook's public typings, but declared by completeCartWorkflow: it runs last, after
// payment authorization, and a throw here rolls back the order and the payment.
type OrderCreatedHook = (
  handler: (input: { order_id: string; cart_id: string }, context: { container: MedusaContainer }) => Promise<StepResponse<string[], string[]>>,
  compensate: (ids: string[], context: { container: MedusaContainer }) => Promise<void>
) => void
const hooks = completeCartWorkflow.hooks as unknown as { orderCreated: OrderCreatedHook }

/**
 * One booking per tier line of the placed order, in the lowest free slot of
 * its pool and date. The partial unique index on slots is the final guard:
 * when a concurrent order took the slot first, the next free one is tried,
 * and with none left the whole checkout is undone with a 409.
 */
hooks.orderCreated(
  async ({ order_id }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "sales_channel_id", "items.id", "items.title", "items.product_id", "items.metadata"],
      filters: { id: order_id },
    })
    const order = data[0] as OrderRow
    const tierLines = (order.items ?? []).filter((i) => i.metadata?.tiered_kind === "tier" && i.product_id)
    if (!tierLines.length) {
      return new StepResponse([], [])
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const channel = order.sales_channel_id
    const dates = tierLines.map((l) => String(l.metadata!.event_date)).sort()
    const tenant = await tenantAvailability(container, { sales_channel_id: channel, from: dates[0], to: dates[dates.length - 1] })
    const created: string[] = []
    try {
      for (const line of tierLines) {
        const date = String(line.metadata!.event_date)
        const pool = tenant.poolOf(line.product_id!)
        const capacity = tenant.rulesFor(line.product_id!).capacity
        const taken = new Set(
          (
            await service.listBookings(
              { sales_channel_id: channel, event_date: date, pool, status: ["confirmed", "completed"] },
              { select: ["slot"] }
            )
          ).map((b) => b.slot)
        )
        let booked: string | null = null
        for (let slot = 1; slot <= capacity && !booked; slot++) {
          if (taken.has(slot)) {
            continue
          }
          try {
            const booking = await service.createBookings({
              sales_channel_id: channel,
              tier_id: String(line.metadata!.tier_id),
              product_id: line.product_id!,
              event_date: date,
              pool,
              slot,
              order_id: order.id,
              line_item_id: line.id,
              guest_count: (line.metadata!.guest_count as number | null) ?? null,
            })
            booked = booking.id
          } catch (e) {
            if (!isSlotTaken(e)) {
              throw e
            }
          }
        }
        if (!booked) {
          throw new ConflictError(`${date} was just taken for ${line.title}; choose another date`)
        }
        created.push(booked)
      }
    } catch (e) {
      if (created.length) {
        await service.deleteBookings(created)
      }
      throw e
    }
    return new StepResponse(created, created)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    await service.deleteBookings(ids)
  }
)
