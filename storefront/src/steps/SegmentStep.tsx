import type { StoreSegmentListItem } from "@tiered/client"
import { money } from "../format"
import { Picture } from "../components/Picture"
import { StepHeading } from "../components/StepHeading"

function priceRange(range: StoreSegmentListItem["price_range"], currency: string) {
  const whole = (amount: number) => money(amount, currency).replace(/\.00$/, "")
  if (range.min !== null && range.max !== null) return `${whole(range.min)} – ${whole(range.max)}`
  if (range.min !== null) return `${whole(range.min)}+`
  if (range.max !== null) return `up to ${whole(range.max)}`
  return null
}

export function SegmentStep(props: {
  segments: StoreSegmentListItem[]
  currency: string
  chosen: string | null
  busy: boolean
  focus: boolean
  onChoose: (segment: StoreSegmentListItem) => void
}) {
  return (
    <section aria-labelledby="step-segment">
      <StepHeading id="step-segment" focus={props.focus}>
        Choose your collection
      </StepHeading>
      <p className="lead">Three collections for three kinds of celebration. Pick one to compare its packages.</p>
      <ul className="segment-cards">
        {props.segments.map((segment) => {
          const range = priceRange(segment.price_range, props.currency)
          return (
            <li key={segment.id} className={`card segment-card${props.chosen === segment.id ? " is-chosen" : ""}`} data-testid={`segment-${segment.handle}`}>
              <Picture src={segment.image} alt={`${segment.name} collection`} width={800} height={500} className="segment-image" />
              <h3>{segment.name}</h3>
              {range && (
                <p className="segment-range">
                  <span className="sr-only">Price range: </span>
                  {range}
                </p>
              )}
              {segment.audience && <p className="segment-audience">{segment.audience}</p>}
              {segment.description && <p className="muted">{segment.description}</p>}
              <p className="segment-meta">
                {segment.tier_count} packages
                {segment.from_price !== null && <> · from {money(segment.from_price, props.currency)}</>}
              </p>
              <button type="button" className="button primary" disabled={props.busy} onClick={() => props.onChoose(segment)}>
                Compare {segment.name} packages
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
