import type { Quantities } from "../journey"
import type { StoreTier, StoreTierAddonsResponse } from "@tiered/client"
import { money } from "../format"
import { Picture } from "../components/Picture"
import { StepHeading } from "../components/StepHeading"

export const addonUnits = (quantities: Quantities) => Object.values(quantities).reduce((sum, n) => sum + n, 0)

export function AddonsStep(props: {
  tier: StoreTier
  addons: StoreTierAddonsResponse
  quantities: Quantities
  focus: boolean
  onChange: (quantities: Quantities) => void
  onContinue: () => void
  onBack: () => void
}) {
  const { addons, bundle } = props.addons
  const units = addonUnits(props.quantities)
  const missing = Math.max(0, bundle.min_addons - units)
  const off = Math.abs(bundle.percent)
  const set = (variantId: string, quantity: number, max: number) =>
    props.onChange({ ...props.quantities, [variantId]: Math.min(max, Math.max(0, Math.floor(quantity) || 0)) })

  return (
    <section aria-labelledby="step-addons">
      <StepHeading id="step-addons" focus={props.focus}>
        Add to {props.tier.name}
      </StepHeading>
      <div className={`notice ${missing === 0 ? "notice-success" : "notice-info"}`} data-testid="bundle-notice">
        <p>
          <strong>Bundle offer:</strong> {off}% off each add-on when you choose {bundle.min_addons} or more.
        </p>
        <p role="status">
          {missing === 0
            ? `Bundle applied: ${off}% off each of your add-ons.`
            : units === 0
              ? "No add-ons chosen yet."
              : `Add ${missing} more to save ${off}% on each add-on.`}
        </p>
      </div>
      {addons.length === 0 ? (
        <p className="muted">This package takes no add-ons.</p>
      ) : (
        <ul className="addon-list">
          {addons.map((addon) => {
            const quantity = props.quantities[addon.variant_id] ?? 0
            const inputId = `qty-${addon.variant_id}`
            return (
              <li key={addon.variant_id} className={`card addon${quantity > 0 ? " is-chosen" : ""}`} data-testid={`addon-${addon.variant_id}`}>
                <Picture src={addon.thumbnail} alt={addon.title} width={160} height={100} className="addon-image" />
                <div className="addon-text">
                  <h3>{addon.title}</h3>
                  <p>
                    {addon.price ? money(addon.price.amount, addon.price.currency_code) : "Price on request"}
                    {addon.max_quantity > 1 && <span className="muted"> · up to {addon.max_quantity}</span>}
                  </p>
                </div>
                <div className="stepper">
                  <button type="button" className="button icon" aria-label={`One less ${addon.title}`} disabled={quantity === 0} onClick={() => set(addon.variant_id, quantity - 1, addon.max_quantity)}>
                    −
                  </button>
                  <label htmlFor={inputId} className="sr-only">
                    Quantity of {addon.title}
                  </label>
                  <input
                    id={inputId}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={addon.max_quantity}
                    value={quantity}
                    onChange={(e) => set(addon.variant_id, Number(e.target.value), addon.max_quantity)}
                  />
                  <button
                    type="button"
                    className="button icon"
                    aria-label={`One more ${addon.title}`}
                    disabled={quantity >= addon.max_quantity || !addon.price}
                    onClick={() => set(addon.variant_id, quantity + 1, addon.max_quantity)}
                  >
                    +
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="button link" onClick={props.onBack}>
          Back to packages
        </button>
        <button type="button" className="button primary" onClick={props.onContinue}>
          Continue to your date
        </button>
      </div>
    </section>
  )
}
