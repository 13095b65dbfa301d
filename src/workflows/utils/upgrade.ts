import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { addonSelectionProblems, allowedAddons } from "../../lib/addons"
import { dateAvailability, packageDates } from "../../lib/availability"
import { ConflictError } from "../../lib/errors"
import { Incentive } from "../../lib/pricing"
import { upgradeQuote } from "../../lib/upgrade"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"
import { tenantAvailability } from "../../queries/availability"
import { loadCartLine } from "../../queries/cart"
import { loadVisibleTiers, ReadOptions, Region, tierPricer, VisibleTier } from "../../queries/catalog"
import { loadOrder } from "../../queries/order"
import { orderTierLineRecords } from "../../queries/tier-lines"
import { asUpgradeTier, PlannedUpgrade, UpgradeLine } from "../../queries/upgrade"

// The upgrade judgements the quote and upgrade steps share: they read, then throw a clear 4xx.

/**
 * The booked tier line an upgrade quote starts from, from the plugin's records: a cart line
 * (`line_item_id`) or the order's live line of the tier (`order_id`); null for neither.
 */
export async function bookedTierLine(
  scope: MedusaContainer,
  input: { from_tier_id: string; line_item_id?: string; order_id?: string; sales_channel_ids: string[] }
): Promise<{ unit_price: number; event_date: string; currency_code: string; sales_channel_id: string } | null> {
  if (input.line_item_id) {
    const { cart, item } = await loadCartLine(scope, input.line_item_id, input.sales_channel_ids)
    const line = cart.tier_lines.find((l) => l.id === item.id)
    if (!line || line.tier_id !== input.from_tier_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line item ${input.line_item_id} is not a line of tier ${input.from_tier_id}`)
    }
    return { unit_price: line.unit_price, event_date: line.event_date, currency_code: cart.currency_code, sales_channel_id: cart.sales_channel_id }
  }
  if (input.order_id) {
    const order = await loadOrder(scope, input.order_id, { sales_channel_ids: input.sales_channel_ids })
    const records = await orderTierLineRecords(scope, order.id)
    const record = records.find((r) => r.kind === "tier" && r.tier_id === input.from_tier_id)
    const item = record && order.items.find((i) => i.id === record.order_line_item_id && i.quantity > 0)
    if (!record || !item) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Order ${order.id} has no booking of tier ${input.from_tier_id}`)
    }
    return { unit_price: item.unit_price, event_date: record.event_date, currency_code: order.currency_code, sales_channel_id: order.sales_channel_id! }
  }
  return null
}

/** An accepted, unused offer of the tenant for this very upgrade; its incentive is what the upgrade gets. */
export async function offerIncentive(
  scope: MedusaContainer,
  input: { offer_id: string; sales_channel_ids: string[]; from_tier_id: string; to_tier_id: string }
): Promise<number> {
  const service: UpsellModuleService = scope.resolve(UPSELL_MODULE)
  const [offer] = await service.listUpsellOffers({ id: input.offer_id })
  if (!offer || !input.sales_channel_ids.includes(offer.sales_channel_id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer ${input.offer_id} was not found`)
  }
  if (offer.status !== "accepted") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Offer ${offer.id} was not accepted (${offer.status})`)
  }
  if (offer.redeemed_at) {
    throw new ConflictError(`Offer ${offer.id} was already used`)
  }
  if (offer.to_tier_id !== input.to_tier_id || (offer.from_tier_id && offer.from_tier_id !== input.from_tier_id)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Offer ${offer.id} is not for this upgrade`)
  }
  return Number(offer.incentive_percent ?? 0)
}

/**
 * Prices and judges an upgrade of a tier line (or, without a line, of the
 * tier at its date price) for a tenant. Throws 404 for tiers the tenant cannot
 * see; a refused upgrade comes back in the quote with its reason.
 */
export async function planUpgrade(
  scope: MedusaContainer,
  input: {
    /** The tenant's channels: the tiers and the offer must be theirs. */
    sales_channel_ids: string[]
    region: Region
    from_tier_id: string
    to_tier_id: string
    event_date: string | null
    current_price?: number
    offer_id?: string | null
  },
  options: ReadOptions = {}
): Promise<PlannedUpgrade> {
  const tiers = await loadVisibleTiers(scope, input.sales_channel_ids, { id: [input.from_tier_id, input.to_tier_id] }, options)
  const find = (id: string) => {
    const tier = tiers.find((t) => t.row.id === id)
    if (!tier) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${id} was not found`)
    }
    return tier
  }
  const from = find(input.from_tier_id)
  const to = find(input.to_tier_id)
  const incentive_percent = input.offer_id
    ? await offerIncentive(scope, {
        offer_id: input.offer_id,
        sales_channel_ids: input.sales_channel_ids,
        from_tier_id: from.row.id,
        to_tier_id: to.row.id,
      })
    : 0
  const price = await tierPricer(scope, [from, to], input.region, options)
  const fromPrice = price(from, input.event_date)
  const toPrice = price(to, input.event_date)
  const incentive: Incentive | null = incentive_percent
    ? { rule_id: input.offer_id!, label: "Upgrade offer", percent: -incentive_percent }
    : null
  const target = price(to, input.event_date, incentive)
  if (!fromPrice || !toPrice || !target) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `${!toPrice ? to.row.name : from.row.name} has no price in ${input.region.currency_code.toUpperCase()}`
    )
  }
  const current = input.current_price ?? fromPrice.final
  const quote = upgradeQuote({
    from: asUpgradeTier(from, current),
    to: asUpgradeTier(to, toPrice.final),
    current_price: current,
    target_price: target.final,
    currency_code: input.region.currency_code,
  })
  return { quote, from, to, price: target, incentive_percent, offer_id: input.offer_id ?? null }
}

/**
 * What must still hold for a booked line to move to the target tier: the
 * guests fit, its add-ons are allowed on the target, and the date has room in
 * the target's capacity pool (not counting the line itself when it stays in
 * the same pool). Throws a clear 4xx otherwise.
 */
export async function checkUpgradeFits(
  scope: MedusaContainer,
  input: {
    sales_channel_id: string
    from: VisibleTier
    to: VisibleTier
    line: UpgradeLine
    /** Other tier lines of the same cart on the same date, by product (they take capacity too). */
    pending_products?: string[]
    /** The line is a placed order's, so its own booking is among the date's bookings. */
    booked: boolean
    /** A cart's line may move between packages of different lengths (a placed order's may not, yet). */
    days_may_change?: boolean
  }
): Promise<{ pool: string }> {
  const { to, line } = input
  const [fromDays, toDays] = [input.from.row.days ?? 1, to.row.days ?? 1]
  if ((fromDays > 1 || toDays > 1) && !input.days_may_change) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `A placed booking cannot be upgraded to or from a package of several days (${to.row.name} takes ${toDays}); cancel and book again, or ask the merchant`
    )
  }
  if (line.guest_count !== null && to.row.max_guests !== null && line.guest_count > to.row.max_guests) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `${to.row.name} takes at most ${to.row.max_guests} guests; this booking has ${line.guest_count}`
    )
  }
  if (line.addons.length) {
    const service: SegmentsModuleService = scope.resolve(SEGMENTS_MODULE)
    const rules = await service.listAddonRules(
      { $or: [{ tier_id: to.row.id }, { segment_id: to.row.segment_id }] },
      { select: ["product_id", "max_quantity", "tier_id", "segment_id"] }
    )
    const selection = new Map<string, number>()
    const names = new Map<string, string>()
    for (const addon of line.addons) {
      selection.set(addon.product_id, (selection.get(addon.product_id) ?? 0) + addon.quantity)
      names.set(addon.product_id, addon.title)
    }
    const problems = addonSelectionProblems(selection, allowedAddons({ id: to.row.id, segment_id: to.row.segment_id }, rules), names)
    if (problems.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The add-ons do not fit ${to.row.name}: ${problems.join("; ")}. Remove them first, then upgrade`
      )
    }
  }
  const toProduct = to.row.product!.id
  if (!line.event_date) {
    return { pool: toProduct }
  }
  // Every day of the target package must fit (one for a one-day package).
  const dates = packageDates(line.event_date, toDays)
  const held = packageDates(line.event_date, fromDays)
  const tenant = await tenantAvailability(scope, { sales_channel_id: input.sales_channel_id, from: line.event_date, to: dates[dates.length - 1] })
  const pool = tenant.poolOf(toProduct)
  const samePool = tenant.poolOf(input.from.row.product!.id) === pool
  const pending = (input.pending_products ?? []).filter((p) => tenant.poolOf(p) === pool).length
  for (const date of dates) {
    const taken = tenant.booked(pool, date) + pending
    const day = dateAvailability(date, tenant.today, tenant.rulesFor(toProduct), Math.max(0, taken))
    // The line's own booking (or cart line) is released by the move when it stays in the pool.
    if (day.status === "blackout" || day.status === "unavailable") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${date} is not bookable for ${to.row.name} (${day.status})`)
    }
    const own = input.booked && samePool && held.includes(date) ? 1 : 0
    if (day.remaining + own < 1) {
      throw new ConflictError(`${date} has no room left for ${to.row.name}`)
    }
  }
  return { pool }
}
