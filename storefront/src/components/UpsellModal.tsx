import type { StoreUpsellOffer, UpgradeQuote } from "@tiered/client"
import { KeyboardEvent, useEffect, useRef } from "react"
import { signedMoney } from "../format"
import { ErrorNotice } from "./StepHeading"

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])'

function acceptLabel(offer: StoreUpsellOffer, toTierName: string | null) {
  switch (offer.action) {
    case "suggest_upgrade":
    case "show_comparison":
      return toTierName ? `Upgrade to ${toTierName}` : "Upgrade my package"
    case "emphasize_scarcity":
      return "Keep this date"
    case "suggest_addon_bundle":
      return "Choose more add-ons"
  }
}

/**
 * The offer as a modal dialog: focus stays inside while it is open (Tab cycles, Escape declines)
 * and the page behind is inert.
 */
export function UpsellModal(props: {
  offer: StoreUpsellOffer
  /** The upgrade without the offer, to show what the incentive saves. */
  quote: UpgradeQuote | null
  toTierName: string | null
  busy: boolean
  error: string | null
  onDecide: (decision: "accepted" | "declined") => void
}) {
  const dialog = useRef<HTMLDivElement>(null)
  const accept = useRef<HTMLButtonElement>(null)
  const { offer, quote } = props

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    accept.current?.focus()
    return () => opener?.focus?.()
  }, [])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && !props.busy) {
      event.preventDefault()
      props.onDecide("declined")
      return
    }
    if (event.key !== "Tab" || !dialog.current) return
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const first = items[0]
    const last = items[items.length - 1]
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  const saved = quote && offer.price_difference !== undefined && quote.price_difference > offer.price_difference
  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="upsell-title"
        aria-describedby="upsell-body"
        onKeyDown={onKeyDown}
        data-testid="upsell-modal"
      >
        {offer.incentive_percent ? <p className="badge">Save {offer.incentive_percent}%</p> : null}
        <h2 id="upsell-title">{offer.headline}</h2>
        <div id="upsell-body">
          {offer.body && <p>{offer.body}</p>}
          {offer.price_difference !== undefined && offer.currency_code && (
            <p className="modal-price" data-testid="upsell-price">
              {saved && (
                <s className="price-was">
                  <span className="sr-only">Was </span>
                  {signedMoney(quote!.price_difference, offer.currency_code)}
                </s>
              )}{" "}
              <strong>
                {saved && <span className="sr-only">Now </span>}
                {signedMoney(offer.price_difference, offer.currency_code)}
              </strong>{" "}
              to your package
            </p>
          )}
          {quote && quote.features_added.length > 0 && (
            <>
              <p id="upsell-gains-title">{props.toTierName ? `What ${props.toTierName} adds:` : "What the upgrade adds:"}</p>
              <ul className="feature-list" aria-labelledby="upsell-gains-title" data-testid="upsell-gains">
                {quote.features_added.map((gain) => (
                  <li key={gain} className="included">
                    <span aria-hidden="true" className="mark">
                      +
                    </span>
                    <span className="gain">{gain}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {offer.remaining_slots !== undefined && (
            <p className="scarcity">
              Only {offer.remaining_slots} booking{offer.remaining_slots === 1 ? "" : "s"} left on this date.
            </p>
          )}
        </div>
        <ErrorNotice message={props.error} />
        <div className="actions">
          <button type="button" className="button secondary" disabled={props.busy} onClick={() => props.onDecide("declined")}>
            No thanks
          </button>
          <button ref={accept} type="button" className="button primary" disabled={props.busy} onClick={() => props.onDecide("accepted")}>
            {props.busy ? "One moment…" : acceptLabel(offer, props.toTierName)}
          </button>
        </div>
      </div>
    </div>
  )
}
