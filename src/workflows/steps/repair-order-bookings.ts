import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { olderThan, paymentAuthorized } from "../../lib/reconcile"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { LIVE_BOOKING_STATUSES, RepairInput } from "../../modules/booking/service"
import { confirmationRepairs, confirmOrderBookings } from "./confirm-order-bookings"
import { attachPaymentPlan } from "../../queries/payment-plan"

const PAGE = 500

type OrderRow = {
  id: string
  status: string
  sales_channel_id: string | null
  created_at: string | Date
  cart?: { id: string; completed_at?: string | Date | null } | null
  payment_collections?: ({ status: string } | null)[] | null
  items?: { id: string; title: string; metadata: Record<string, unknown> | null; detail?: { quantity: unknown } | null }[] | null
}

/**
 * Every order written in the run's window is checked against the plugin's records: each live
 * tier line has its booking (made now, or the order flagged when its date went to someone else),
 * a canceled order holds no live booking, and an order that an interrupted checkout left behind
 * (no cart, no payment: Medusa would have rolled it back) is canceled so the couple's cart can be
 * checked out again; a placed order whose cart was left open (Medusa links the order and marks the
 * cart completed in two parallel steps) gets its cart completed.
 */
export const repairOrderBookingsStep = createStep(
  "repair-order-bookings",
  async (input: { since: string | null; until: string; grace_minutes: number }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const now = new Date()
    const created = { ...(input.since ? { $gte: new Date(input.since) } : {}), $lte: new Date(input.until) }
    const repairs: RepairInput[] = []
    let checked = 0
    const seen = new Set<string>()
    // Orders placed in the window, and orders canceled in it (placed earlier).
    for (const filters of [{ created_at: created }, { status: "canceled", updated_at: created }]) {
      for (let skip = 0; ; skip += PAGE) {
        const { data } = await query.graph({
          entity: "order",
          fields: [
            "id",
            "status",
            "sales_channel_id",
            "created_at",
            "cart.id",
            "cart.completed_at",
            "payment_collections.status",
            "items.id",
            "items.title",
            "items.metadata",
            "items.detail.quantity",
          ],
          filters: filters as Record<string, unknown>,
          pagination: { skip, take: PAGE, order: { created_at: "ASC" } },
        })
        const orders = (data as OrderRow[]).filter((o) => !seen.has(o.id))
        orders.forEach((o) => seen.add(o.id))
        checked += orders.length
        await repairPage(orders)
        if (data.length < PAGE) {
          break
        }
      }
    }
    return new StepResponse({ repairs: await service.recordRepairs(repairs), orders_checked: checked })

    /** Carts marked completed by a checkout whose order never got linked to them are opened again. */
    async function reopenCarts(cartIds: (string | null)[]): Promise<string[]> {
      const ids = [...new Set(cartIds.filter((id): id is string => !!id))]
      if (!ids.length) {
        return []
      }
      const [{ data: carts }, { data: links }] = await Promise.all([
        query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: ids } }),
        query.graph({ entity: "order_cart", fields: ["cart_id"], filters: { cart_id: ids } }),
      ])
      const linked = new Set((links as { cart_id: string }[]).map((l) => l.cart_id))
      const stranded = (carts as { id: string; completed_at: string | Date | null }[]).filter((c) => c.completed_at && !linked.has(c.id)).map((c) => c.id)
      if (stranded.length) {
        await container.resolve(Modules.CART).updateCarts(stranded.map((id) => ({ id, completed_at: null })))
      }
      return stranded
    }

    async function repairPage(orders: OrderRow[]) {
      const lineRecordIds = (o: OrderRow) =>
        (o.items ?? []).map((i) => i.metadata?.tier_line_id).filter((id): id is string => typeof id === "string")
      const withPackages = orders.filter((o) => lineRecordIds(o).length)
      if (!withPackages.length) {
        return
      }
      const recordIds = withPackages.flatMap(lineRecordIds)
      const [records, bookings] = await Promise.all([
        service.listTierLines({ id: recordIds }),
        service.listBookings({ tier_line_id: recordIds, status: [...LIVE_BOOKING_STATUSES] }, { select: ["id", "tier_line_id", "status", "order_id"] }),
      ])
      const recordOf = new Map(records.map((r) => [r.id, r]))
      // A multi-day package has a booking a day: all of them must be there.
      const bookingsOf = new Map<string, typeof bookings>()
      bookings.forEach((b) => bookingsOf.set(b.tier_line_id!, [...(bookingsOf.get(b.tier_line_id!) ?? []), b]))
      for (const order of withPackages) {
        const mine = (order.items ?? [])
          .map((item) => ({ item, record: recordOf.get(String(item.metadata?.tier_line_id)) }))
          .filter((m) => m.record && m.record.sales_channel_id === order.sales_channel_id)
        if (order.status === "canceled") {
          const live = bookings.filter((b) => b.order_id === order.id && b.status === "confirmed")
          if (live.length) {
            await service.updateBookings(live.map((b) => ({ id: b.id, status: "canceled" as const })))
            for (const b of live) {
              repairs.push({
                kind: "booking_canceled",
                sales_channel_id: order.sales_channel_id,
                order_id: order.id,
                booking_id: b.id,
                reason: `Order ${order.id} was canceled but its booking was still live; the date was given back`,
              })
            }
          }
          continue
        }
        if (!order.cart && !olderThan(order.created_at, now, input.grace_minutes)) {
          continue
        }
        if (!order.cart) {
          // Medusa links an order to its cart in the step after creating it: without the link, the
          // checkout died in between, before any payment was authorized.
          const paid = paymentAuthorized((order.payment_collections ?? []).map((pc) => pc?.status))
          const ownsRecords = mine.some((m) => m.record!.order_id === order.id)
          if (!paid && !ownsRecords) {
            await cancelOrderWorkflow(container).run({ input: { order_id: order.id } })
            const reopened = await reopenCarts(mine.map((m) => m.record!.cart_id))
            repairs.push({
              kind: "order_canceled",
              sales_channel_id: order.sales_channel_id,
              order_id: order.id,
              cart_id: reopened[0] ?? null,
              reason: `Order ${order.id} was left behind by a checkout that stopped before it was linked to its cart or paid; it was canceled${reopened.length ? ` and cart ${reopened.join(", ")}, marked completed without an order, reopened` : ""} (the cart can be checked out again)`,
            })
            continue
          }
          repairs.push({
            kind: "order_flagged",
            needs_attention: true,
            sales_channel_id: order.sales_channel_id,
            order_id: order.id,
            reason: `Order ${order.id} is not linked to the cart it came from (its checkout was interrupted); check its payment and booking`,
          })
          continue
        }
        if (!order.cart.completed_at && olderThan(order.created_at, now, input.grace_minutes)) {
          await container.resolve(Modules.CART).updateCarts([{ id: order.cart.id, completed_at: new Date(order.created_at) }])
          repairs.push({
            kind: "cart_completed",
            sales_channel_id: order.sales_channel_id,
            order_id: order.id,
            cart_id: order.cart.id,
            reason: `The checkout stopped after order ${order.id} was linked to cart ${order.cart.id} but before the cart was marked completed; it was marked completed`,
          })
        }
        const missing = mine.filter(
          (m) =>
            m.record!.order_id !== order.id ||
            m.record!.order_line_item_id !== m.item.id ||
            (m.record!.kind === "tier" && m.record!.status === "active" && Number(m.item.detail?.quantity ?? 1) > 0 && (bookingsOf.get(m.record!.id)?.length ?? 0) < m.record!.days) ||
            (m.record!.kind === "tier" && (bookingsOf.get(m.record!.id) ?? []).some((b) => b.status === "pending"))
        )
        if (!missing.length) {
          continue
        }
        const changes = await confirmOrderBookings(container, { order_id: order.id, cart_id: order.cart.id, onNoSlot: "report" })
        // The cart's payment plan follows its order, as the order-created hook would have done.
        await attachPaymentPlan(container, order.id, order.cart.id)
        repairs.push(...confirmationRepairs(order, order.cart.id, changes))
      }
    }
  }
)
