import type { StoreSegmentResponse, StoreTier } from "@tiered/client"
import { longDate } from "../format"
import { ComparisonTable } from "../components/ComparisonTable"
import { Picture } from "../components/Picture"
import { PriceBreakdown } from "../components/PriceBreakdown"
import { StepHeading } from "../components/StepHeading"
import { todayUtc } from "../dates"

export function TierStep(props: {
  catalog: StoreSegmentResponse
  date: string | null
  chosen: string | null
  busy: boolean
  focus: boolean
  onDateChange: (date: string | null) => void
  onChoose: (tier: StoreTier) => void
  onBack: () => void
}) {
  const { segment, tiers, comparison } = props.catalog
  return (
    <section aria-labelledby="step-tier">
      <StepHeading id="step-tier" focus={props.focus}>
        Compare {segment.name} packages
      </StepHeading>
      <div className="date-pricing">
        <label htmlFor="pricing-date">Your event date, for its price</label>
        <input
          id="pricing-date"
          type="date"
          min={todayUtc()}
          value={props.date ?? ""}
          aria-describedby="pricing-date-hint"
          onChange={(e) => props.onDateChange(e.target.value || null)}
        />
        <p id="pricing-date-hint" className="muted">
          {props.date
            ? `Prices for ${longDate(props.date)}, with the season and timing rules that apply.`
            : "Without a date you see the base prices; the season and booking time change them."}
        </p>
      </div>
      <ul className="tier-columns" aria-busy={props.busy}>
        {tiers.map((tier) => (
          <li key={tier.id} className={`card tier-column${tier.is_popular ? " is-popular" : ""}${props.chosen === tier.id ? " is-chosen" : ""}`} data-testid={`tier-${tier.level}`}>
            <section aria-labelledby={`tier-name-${tier.id}`}>
              <Picture src={tier.thumbnail} alt={`${segment.name} ${tier.name} package`} width={640} height={400} className="tier-image" />
              {tier.is_popular && <p className="badge">Most popular</p>}
              <h3 id={`tier-name-${tier.id}`}>{tier.name}</h3>
              {tier.max_guests !== null && <p className="muted">Up to {tier.max_guests} guests</p>}
              {tier.price ? (
                <PriceBreakdown price={tier.price} label={props.date ? "for your date" : undefined} />
              ) : (
                <p className="muted">Not priced in this region</p>
              )}
              <button
                type="button"
                className={`button ${tier.is_popular ? "primary" : "secondary"}`}
                disabled={props.busy || !tier.price}
                onClick={() => props.onChoose(tier)}
              >
                Choose {tier.name}
              </button>
            </section>
          </li>
        ))}
      </ul>
      <ComparisonTable tiers={tiers} comparison={comparison} />
      <button type="button" className="button link" onClick={props.onBack}>
        Back to collections
      </button>
    </section>
  )
}
