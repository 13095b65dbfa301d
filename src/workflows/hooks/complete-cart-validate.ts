import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import type { CheckoutItem } from "../../lib/tier-lines"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { isLapsedHold } from "../../modules/booking/service"
import { verifyCheckout } from "../../queries/checkout"
import { cartTierLineRecords } from "../../queries/tier-lines"
import { ConflictError } from "../../lib/errors"
import { sessionAmountProblem } from "../../lib/deposits"
import { cartPaymentDue } from "../../queries/payment-plan"
import { dropCartPaymentPlan, recordCartPaymentPlan } from "../steps/record-payment-plan"

type HookCart = {
  id: string
  sales_channel_id?: string | null
  region_id?: string | null
  currency_code?: string | null
  items?: { id: string; title: string; variant_id: string | null; product_id: string | null; quantity: unknown; unit_price: unknown; metadata: Record<string, unknown> | null }[] | null
  payment_collection?: { payment_sessions?: { amount: unknown; status: string }[] | null } | null
}

/** Gives back the slots this cart claimed and no order took (a claim made from a hold goes back to being the hold). */
async function releaseClaims(container: MedusaContainer, cartId: string, onlyIds?: string[]) {
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  const claims = await service.listBookings({ cart_id: cartId, status: "pending", ...(onlyIds ? { id: onlyIds } : {}) }, { select: ["id"] })
  await service.releaseClaims(claims.map((c) => c.id))
}

/**
 * Before Medusa creates the order (under the cart lock): every payment session must be for what
 * the cart pays now (the deposit, README "Deposits"); the whole cart is checked against the
 * plugin's records (400 naming each bad line; 409 for a price or date that moved), then each tier
 * line's date is claimed (its hold becomes a `pending` booking; a line whose hold lapsed and was
 * taken gets the lowest free slot, or a 409), committed before the order exists. The order-created hook confirms the claims; a failed checkout releases them
 * (this hook's compensation); a process that dies in between leaves claims the reconciler settles.
 * The cart's payment plan is written last, before the order exists; the order-created hook gives it
 * the order.
 */
completeCartWorkflow.hooks.validate(
  async ({ cart: hookCart }, { container }) => {
    const raw = hookCart as unknown as HookCart
    // A cart that already became an order is answered with it by Medusa (a retried checkout); its dates are that order's.
    const { data: placed } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: raw.id } })
    if (placed.length) {
      return new StepResponse([] as string[], null)
    }
    const channel = raw.sales_channel_id
    if (!channel) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${raw.id} has no sales channel`)
    }
    // What is due now is decided again; a session for any other amount is refused before anything changes.
    const due = await cartPaymentDue(container, raw.id, [channel])
    const paymentProblem = due.reason === "no_packages" ? null : sessionAmountProblem(raw.payment_collection?.payment_sessions ?? [], due.due_now, due.currency_code)
    if (paymentProblem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, paymentProblem)
    }
    const cart = {
      id: raw.id,
      sales_channel_id: channel,
      region_id: raw.region_id ?? "",
      currency_code: raw.currency_code ?? "",
      items: (raw.items ?? []).map(
        (i): CheckoutItem => ({ ...i, quantity: Number(i.quantity), unit_price: Number(i.unit_price) })
      ),
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [records, claims] = await Promise.all([
      cartTierLineRecords(container, cart.id),
      service.listBookings(
        { cart_id: cart.id, status: ["held", "pending"] },
        { select: ["id", "tier_line_id", "event_date", "pool", "status", "expires_at"] }
      ),
    ])
    const lineIds = new Set(cart.items.map((i) => i.id))
    const liveRecordIds = new Set(records.filter((r) => r.kind === "tier" && r.cart_line_item_id && lineIds.has(r.cart_line_item_id)).map((r) => r.id))
    // Claims of an earlier, interrupted attempt and holds whose line has gone since (removed, upgraded) are given back.
    const stale = claims.filter((c) => !c.tier_line_id || !liveRecordIds.has(c.tier_line_id))
    if (stale.length) {
      await service.changeStatusWhere({ ids: stale.filter((c) => c.status === "held").map((c) => c.id), from: "held", to: "canceled" })
      await service.releaseClaims(stale.filter((c) => c.status === "pending").map((c) => c.id))
    }
    // This cart's claims and live holds are counted among the date's bookings: its own, not a rival's.
    const now = new Date()
    const counted = claims.filter((c) => !stale.includes(c) && !isLapsedHold(c, now))
    // By booking: each day of a multi-day package is a claim of its own.
    const own = new Map(counted.map((c) => [c.id, { event_date: c.event_date, pool: c.pool }]))
    const claimed = new Set(counted.filter((c) => c.status === "pending").map((c) => c.tier_line_id!))

    const verdict = await verifyCheckout(container, cart, records, { ownClaims: own })
    if (verdict.invalid.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, verdict.invalid.join("; "))
    }
    if (verdict.conflicts.length) {
      throw new ConflictError(verdict.conflicts.join("; "))
    }

    const created: string[] = []
    try {
      for (const record of verdict.records.filter((r) => r.kind === "tier")) {
        if (claimed.has(record.id)) {
          continue
        }
        const { pool, capacity } = verdict.slots.get(record.id)!
        const claim = await service.claimSlot({
          sales_channel_id: channel,
          tier_id: record.tier_id,
          product_id: record.product_id,
          event_date: record.event_date,
          pool,
          capacity,
          days: record.days,
          status: "pending",
          tier_line_id: record.id,
          cart_id: cart.id,
          guest_count: record.guest_count,
        })
        if (!claim) {
          throw new ConflictError(`${record.event_date} was just taken for ${record.title}; choose another date`)
        }
        if (claim.created) {
          created.push(claim.id)
        }
      }
      if (due.reason !== "no_packages") {
        await recordCartPaymentPlan(container, due)
      }
    } catch (e) {
      if (created.length) {
        await releaseClaims(container, cart.id, created)
      }
      throw e
    }
    return new StepResponse(created, cart.id)
  },
  async (cartId, { container }) => {
    if (cartId) {
      await releaseClaims(container, cartId)
      await dropCartPaymentPlan(container, cartId)
    }
  }
)
