import type { TierPrice } from "@tiered/client"
import { money, percent, signedMoney } from "../format"

/**
 * A server price with its breakdown. When something took money off (an offer's incentive, the
 * bundle, a last-minute rule) the price before those reductions is shown struck through; it is
 * the server's final price with the server's reductions added back, for display only.
 */
export function PriceBreakdown({ price, label, quantity = 1 }: { price: TierPrice; label?: string; quantity?: number }) {
  const reductions = price.adjustments.filter((a) => a.amount < 0)
  const before = price.final - reductions.reduce((sum, a) => sum + a.amount, 0)
  const unit = quantity > 1 ? " each" : ""
  return (
    <div className="price">
      <p className="price-amounts">
        {reductions.length > 0 && (
          <s className="price-was" data-testid="price-was">
            <span className="sr-only">Was </span>
            {money(before, price.currency_code)}
          </s>
        )}{" "}
        <strong className="price-final" data-testid="price-final">
          {reductions.length > 0 && <span className="sr-only">Now </span>}
          {money(price.final, price.currency_code)}
        </strong>
        {unit && <span className="price-unit">{unit}</span>}
        {label && <span className="price-label"> {label}</span>}
      </p>
      {price.adjustments.length > 0 && (
        <ul className="breakdown" aria-label="Price breakdown">
          <li>
            <span>Base price</span> <span>{money(price.base, price.currency_code)}</span>
          </li>
          {price.adjustments.map((a) => (
            <li key={`${a.rule_id}-${a.kind}`} className={a.amount < 0 ? "reduction" : "increase"}>
              <span>
                {a.label} ({percent(a.percent)})
              </span>{" "}
              <span>{signedMoney(a.amount, price.currency_code)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
