import { addonPrice } from "./cart-lines"
import { TierPrice } from "./pricing"

export type CheckoutLine = {
  id: string
  title: string
  unit_price: number
  quantity: number
  metadata: Record<string, unknown> | null
}

/**
 * Lines whose price is no longer what the server would charge now, with a
 * message for each. `current.tier(line)` is a tier line's price today;
 * `current.addonBase(line)` an add-on's catalog price, to which the bundle
 * rule is applied again.
 */
export function stalePrices(
  lines: CheckoutLine[],
  current: { tier: (line: CheckoutLine) => TierPrice | null; addonBase: (line: CheckoutLine) => number | null }
): string[] {
  const problems: string[] = []
  const units = new Map<string, number>()
  for (const line of lines) {
    if (line.metadata?.tiered_kind === "addon") {
      const key = String(line.metadata.tier_line_key)
      units.set(key, (units.get(key) ?? 0) + line.quantity)
    }
  }
  for (const line of lines) {
    const kind = line.metadata?.tiered_kind
    if (kind !== "tier" && kind !== "addon") {
      continue
    }
    const recorded = line.metadata!.price_breakdown as TierPrice
    const base = kind === "addon" ? current.addonBase(line) : null
    const now =
      kind === "tier"
        ? current.tier(line)
        : base === null
          ? null
          : addonPrice(base, recorded.currency_code, units.get(String(line.metadata!.tier_line_key)) ?? 0)
    if (!now) {
      problems.push(`${line.title} can no longer be priced`)
    } else if (now.final !== line.unit_price) {
      problems.push(
        `The price of ${line.title} for ${line.metadata!.event_date} changed from ${line.unit_price} to ${now.final} since it was added; add it again to accept the new price`
      )
    }
  }
  return problems
}
