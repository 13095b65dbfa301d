import { ContainerRegistrationKeys, generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { addonSelectionProblems, allowedAddons } from "../../lib/addons"
import { dateAvailability, DateAvailability, isBookable, packageDates } from "../../lib/availability"
import { PlannedLine, tierCartLines } from "../../lib/cart-lines"
import { MAX_DATE } from "../../lib/dates"
import { ConflictError } from "../../lib/errors"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import type { SlotRequest } from "../../modules/booking/service"
import { tenantAvailability } from "../../queries/availability"
import { loadCartTierLines } from "../../queries/cart"
import { graphRows } from "../../queries/rows"
import { loadVisibleTiers, priceVisibleTiers, variantPrices } from "../../queries/catalog"

/** Why a date cannot be booked: 409 for a date taken or held by others, else 400-type refusals. */
export function dateRefusal(date: string, tierName: string, day: DateAvailability, heldByThisCart = false): Error {
  const why = {
    sold_out: "is sold out",
    held: heldByThisCart
      ? "has no room left: this cart already holds it"
      : `is held by another booking${day.held_until ? ` until ${day.held_until}` : ""}; choose another date or try again later`,
    blackout: `is not bookable${day.reason ? ` (${day.reason})` : ""}`,
    unavailable: "is outside the booking window",
  }[day.status as "sold_out" | "held" | "blackout" | "unavailable"]
  const message = `${date} ${why} for ${tierName}`
  return day.status === "sold_out" || day.status === "held" ? new ConflictError(message) : new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}

export type PrepareTierItemsInput = {
  cart_id: string
  tier_id: string
  event_date: string
  guest_count?: number
  addon_variant_ids?: string[]
  /** The publishable key's sales channels: the cart must be in one of them. */
  sales_channel_ids: string[]
}

/**
 * Checks everything a tier booking needs (tenant, tier, date, guests, add-ons)
 * and prices the lines on the server. Reads only; the cart lock is held by the
 * calling workflow so the date's capacity cannot change underneath.
 */
export const prepareTierItemsStep = createStep(
  "prepare-tier-items",
  async (input: PrepareTierItemsInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const cart = await loadCartTierLines(container, input.cart_id, input.sales_channel_ids)
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart.id} is already completed`)
    }
    if (!cart.region_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart.id} has no region to price in`)
    }
    const channel = cart.sales_channel_id

    // Cached reads: checkout prices and books every line again from the database.
    const cached = { cached: true }
    const [tier] = await loadVisibleTiers(container, [channel], { id: [input.tier_id] }, cached)
    if (!tier) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${input.tier_id} was not found`)
    }
    const productId = tier.row.product!.id
    if (input.guest_count !== undefined && tier.row.max_guests !== null && input.guest_count > tier.row.max_guests) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${tier.row.name} takes at most ${tier.row.max_guests} guests (asked for ${input.guest_count})`
      )
    }

    // A multi-day package takes every one of its days: each must be bookable (the first that is not is named).
    const days = tier.row.days ?? 1
    const dates = packageDates(input.event_date, days)
    if (dates[dates.length - 1] > MAX_DATE) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${tier.row.name} takes ${days} days: its last day ${dates[dates.length - 1]} is past ${MAX_DATE}`)
    }
    const tenant = await tenantAvailability(container, { sales_channel_id: channel, from: input.event_date, to: dates[dates.length - 1] }, cached)
    const today = tenant.today
    const pool = tenant.poolOf(productId)
    // The cart's own tier lines hold their dates already, so they are counted among the bookings.
    const rules = tenant.rulesFor(productId)
    for (const date of dates) {
      const day = dateAvailability(date, today, rules, tenant.booked(pool, date), tenant.held(pool, date))
      if (!isBookable(day.status)) {
        const own = cart.tier_lines.some((line) => packageDates(line.event_date, line.record.days).includes(date) && tenant.poolOf(line.record.product_id) === pool)
        throw dateRefusal(date, days > 1 ? `${tier.row.name} (day ${dates.indexOf(date) + 1} of ${days}, from ${input.event_date})` : tier.row.name, day, own)
      }
    }

    const region = { id: cart.region_id, currency_code: cart.currency_code }
    const [priced] = await priceVisibleTiers(container, [tier], region, input.event_date, { ...cached, today })
    if (!priced.price) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${tier.row.name} has no price in ${region.currency_code.toUpperCase()}`
      )
    }

    const addonIds = input.addon_variant_ids ?? []
    const addons: { variant_id: string; product_id: string; quantity: number; base: number }[] = []
    if (addonIds.length) {
      const { data: variants } = await query.graph({
        entity: "variant",
        fields: ["id", "product.id", "product.title", "product.status", "product.sales_channels.id"],
        filters: { id: [...new Set(addonIds)] },
      })
      const rows = graphRows<{
        id: string
        product: { id: string; title: string; status: string; sales_channels?: { id: string }[] | null } | null
      }>(variants)
      const byVariant = new Map(rows.map((v) => [v.id, v]))
      const unknown = addonIds.find((id) => {
        const product = byVariant.get(id)?.product
        return !product || product.status !== "published" || !(product.sales_channels ?? []).some((sc) => sc?.id === channel)
      })
      if (unknown) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Add-on ${unknown} is not an add-on this tier can take`)
      }
      const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
      const rules = await service.listAddonRules(
        { $or: [{ tier_id: tier.row.id }, { segment_id: tier.row.segment_id }] },
        { select: ["product_id", "max_quantity", "tier_id", "segment_id"] }
      )
      const selection = new Map<string, number>()
      const names = new Map<string, string>()
      for (const id of addonIds) {
        const product = byVariant.get(id)!.product!
        selection.set(product.id, (selection.get(product.id) ?? 0) + 1)
        names.set(product.id, product.title)
      }
      const problems = addonSelectionProblems(
        selection,
        allowedAddons({ id: tier.row.id, segment_id: tier.row.segment_id }, rules),
        names
      )
      if (problems.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
      }
      const prices = await variantPrices(container, [...byVariant.keys()], region, cached)
      const quantities = new Map<string, number>()
      addonIds.forEach((id) => quantities.set(id, (quantities.get(id) ?? 0) + 1))
      for (const [variantId, quantity] of quantities) {
        const base = prices.get(variantId)
        if (base === null || base === undefined) {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `${byVariant.get(variantId)!.product!.title} has no price in ${region.currency_code.toUpperCase()}`
          )
        }
        addons.push({ variant_id: variantId, product_id: byVariant.get(variantId)!.product!.id, quantity, base })
      }
    }

    const lines: PlannedLine[] = tierCartLines({
      key: generateEntityId(undefined, "tline"),
      newId: () => generateEntityId(undefined, "tlrec"),
      sales_channel_id: channel,
      tier: { id: tier.row.id, segment_id: tier.row.segment_id, variant_id: tier.variant_id, product_id: productId },
      price: priced.price,
      event_date: input.event_date,
      days,
      guest_count: input.guest_count ?? null,
      addons,
    })
    const tierRecord = lines.map((l) => l.record).find((r) => r.kind === "tier")!
    const hold: SlotRequest = {
      sales_channel_id: channel,
      tier_id: tier.row.id,
      product_id: productId,
      event_date: input.event_date,
      pool,
      capacity: rules.capacity,
      days,
      status: "held",
      expires_at: new Date(Date.now() + tenant.holdMinutes * 60_000).toISOString(),
      tier_line_id: tierRecord.id,
      cart_id: cart.id,
      guest_count: input.guest_count ?? null,
    }
    return new StepResponse({ items: lines.map((l) => l.item), records: lines.map((l) => l.record), hold, tier_name: tier.row.name })
  }
)
