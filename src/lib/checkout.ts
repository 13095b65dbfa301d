import { addonPrice } from "./cart-lines"
import { TierPrice } from "./pricing"
import { addonUnitsByParent, TierLineRecord } from "./tier-lines"

export type PricedRecord = Pick<
  TierLineRecord,
  "id" | "kind" | "parent_id" | "event_date" | "quantity" | "unit_price" | "currency_code"
> & { title: string }

/**
 * Records whose price is no longer what the server would charge now, with a message for each.
 * `current.tier(record)` is a tier line's price today; `current.addonBase(record)` an add-on's
 * catalog price, to which the bundle rule is applied again (over the add-ons still in the cart).
 */
export function stalePrices<R extends PricedRecord>(
  records: R[],
  current: { tier: (record: R) => TierPrice | null; addonBase: (record: R) => number | null }
): string[] {
  const problems: string[] = []
  const units = addonUnitsByParent(records as unknown as TierLineRecord[])
  for (const record of records) {
    const base = record.kind === "addon" ? current.addonBase(record) : null
    const now =
      record.kind === "tier"
        ? current.tier(record)
        : base === null
          ? null
          : addonPrice(base, record.currency_code, units.get(record.parent_id ?? "") ?? 0)
    if (!now) {
      problems.push(`${record.title} can no longer be priced`)
    } else if (now.final !== record.unit_price) {
      problems.push(
        `The price of ${record.title} for ${record.event_date} changed from ${record.unit_price} to ${now.final} since it was added; add it again to accept the new price`
      )
    }
  }
  return problems
}
