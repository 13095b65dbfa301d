import { MedusaError } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { dateAvailability, isBookable } from "../../lib/availability"
import { CheckoutLine, stalePrices } from "../../lib/checkout"
import { lineIncentive } from "../../lib/cart-lines"
import { tenantAvailability } from "../../queries/availability"
import { loadVisibleTiers, packageTiers, tierPricer, variantPrices } from "../../queries/catalog"
import { ConflictError } from "../errors"

type CartItem = CheckoutLine & { product_id: string | null; variant_id: string | null }

/**
 * Before an order is placed (under the cart lock), every tier line must still
 * cost what it was added at and its date must still have room; otherwise the
 * customer is told why instead of being charged a stale price or overbooked.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  const allItems = (cart.items ?? []) as unknown as CartItem[]
  const channel = cart.sales_channel_id as string
  // A package that reached the cart as a plain line (not through tier-items) has no date to book.
  const plainLines = allItems.filter((i) => !i.metadata?.tiered_kind && i.product_id)
  const packages = plainLines.length ? await packageTiers(container, [channel]) : new Map()
  for (const line of plainLines) {
    if (packages.has(line.product_id!)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${line.title} is a package sold for a date: remove it and add it with POST /store/carts/${cart.id}/tier-items`
      )
    }
  }
  const items = allItems.filter((i) => ["tier", "addon"].includes(String(i.metadata?.tiered_kind)))
  const tierLines = items.filter((i) => i.metadata?.tiered_kind === "tier")
  if (!tierLines.length) {
    return
  }
  const multiple = tierLines.find((l) => l.quantity !== 1)
  if (multiple) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${multiple.title} books one date per line: set its quantity back to 1 and add another date with tier-items`
    )
  }
  const region = { id: cart.region_id as string, currency_code: cart.currency_code as string }

  const tierIds = [...new Set(tierLines.map((l) => String(l.metadata!.tier_id)))]
  const visible = await loadVisibleTiers(container, [channel], { id: tierIds }, { ignoreFlags: true })
  const price = await tierPricer(container, visible, region)
  const tierPrice = (line: CheckoutLine) => {
    const tier = visible.find((t) => t.row.id === line.metadata!.tier_id)
    return tier ? price(tier, String(line.metadata!.event_date), lineIncentive(line.metadata)) : null
  }
  const addonBases = await variantPrices(
    container,
    items.filter((i) => i.metadata?.tiered_kind === "addon" && i.variant_id).map((i) => i.variant_id!),
    region
  )
  const problems = stalePrices(items, {
    tier: tierPrice,
    addonBase: (line) => addonBases.get((line as CartItem).variant_id ?? "") ?? null,
  })

  const dates = tierLines.map((l) => String(l.metadata!.event_date)).sort()
  const tenant = await tenantAvailability(container, { sales_channel_id: channel, from: dates[0], to: dates[dates.length - 1] })
  const wanted = new Map<string, { count: number; product: string; title: string; date: string }>()
  for (const line of tierLines) {
    const date = String(line.metadata!.event_date)
    const key = `${tenant.poolOf(line.product_id!)}|${date}`
    const entry = wanted.get(key) ?? { count: 0, product: line.product_id!, title: line.title, date }
    entry.count += 1
    wanted.set(key, entry)
  }
  const today = new Date().toISOString().slice(0, 10)
  for (const [key, want] of wanted) {
    const pool = key.split("|")[0]
    const day = dateAvailability(want.date, today, tenant.rulesFor(want.product), tenant.booked(pool, want.date))
    if (!isBookable(day.status) || day.remaining < want.count) {
      problems.push(`${want.date} is no longer available for ${want.title} (${day.status.replace("_", " ")})`)
    }
  }
  if (problems.length) {
    throw new ConflictError(problems.join("; "))
  }
})
