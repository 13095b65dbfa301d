import type { PaymentProvider } from "../journey"
import type { CartHold, StoreTierCart } from "@tiered/client"
import { isAddonLine, isTierLine } from "@tiered/client"
import { useState } from "react"
import { money, longDate } from "../format"
import { PriceBreakdown } from "../components/PriceBreakdown"
import { CartPaymentPlanNote, useCartPaymentPlan } from "../components/PaymentPlan"
import { ErrorNotice, StepHeading } from "../components/StepHeading"

const PROVIDER_NAMES: Record<string, string> = {
  pp_system_default: "Pay the studio directly (no card needed now)",
}

export function providerName(id: string) {
  return PROVIDER_NAMES[id] ?? id.replace(/^pp_/, "").replace(/[_-]+/g, " ")
}

/** Until when the date is kept for this couple, in their own clock; what happens once that has passed. */
function HoldNote({ hold }: { hold?: CartHold }) {
  if (!hold) return null
  if (hold.lapsed || new Date(hold.expires_at).getTime() <= Date.now()) {
    return (
      <p className="hold-note lapsed" data-testid="hold-note">
        Your hold on this date has ended: it is booked if still free when you pay.
      </p>
    )
  }
  const until = new Date(hold.expires_at).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" })
  return (
    <p className="hold-note" data-testid="hold-note">
      Date held for you until {until}
    </p>
  )
}

/** The cart's tier lines, each with its add-on lines, as the customer reads them. */
export function CartLines({ cart }: { cart: StoreTierCart }) {
  return (
    <ul className="cart-lines">
      {cart.items.filter(isTierLine).map((line) => (
        <li key={line.id} className="cart-line" data-testid="cart-tier-line">
          <div>
            <h3>{line.title}</h3>
            <p className="muted">
              {longDate(line.metadata.event_date)}
              {line.metadata.guest_count ? ` · ${line.metadata.guest_count} guests` : ""}
            </p>
            <HoldNote hold={(cart.holds ?? []).find((h) => h.line_item_id === line.id)} />
          </div>
          <PriceBreakdown price={line.metadata.price_breakdown} />
          <ul className="cart-addons" aria-label={`Add-ons of ${line.title}`}>
            {cart.items
              .filter(isAddonLine)
              .filter((addon) => addon.metadata.tier_line_key === line.metadata.tier_line_key)
              .map((addon) => (
                <li key={addon.id} className="cart-line addon-line">
                  <span>
                    {addon.title} × {addon.quantity}
                  </span>
                  <PriceBreakdown price={addon.metadata.price_breakdown} quantity={addon.quantity} />
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}

export function CheckoutStep(props: {
  cart: StoreTierCart
  providers: PaymentProvider[] | null
  busy: boolean
  error: string | null
  /** The store refused the booking at checkout (409): its date is gone, or a price changed. */
  conflict: "date" | "price" | null
  notice: string | null
  focus: boolean
  onPay: (providerId: string) => void
  onChooseDate: () => void
  onBack: () => void
}) {
  const [provider, setProvider] = useState<string | null>(null)
  const chosen = provider ?? props.providers?.[0]?.id ?? null
  const plan = useCartPaymentPlan(props.cart.id, props.cart.total)
  // What the button charges: the deposit when there is one.
  const dueNow = plan ? plan.due_now : props.cart.total
  return (
    <section aria-labelledby="step-checkout">
      <StepHeading id="step-checkout" focus={props.focus}>
        Review and book
      </StepHeading>
      {props.notice && <p className="notice notice-info">{props.notice}</p>}
      <div className="card">
        <CartLines cart={props.cart} />
        <p className="cart-total">
          Total <strong data-testid="cart-total">{money(props.cart.total, props.cart.currency_code)}</strong>
        </p>
        <CartPaymentPlanNote plan={plan} />
      </div>
      <fieldset className="card payment">
        <legend>Payment</legend>
        {props.providers === null ? (
          <p className="muted">Loading payment options…</p>
        ) : props.providers.length === 0 ? (
          <p>This store takes no payments in your region.</p>
        ) : (
          props.providers.map((p) => (
            <div key={p.id} className="radio">
              <input id={`provider-${p.id}`} type="radio" name="provider" value={p.id} checked={chosen === p.id} onChange={() => setProvider(p.id)} />
              <label htmlFor={`provider-${p.id}`}>{providerName(p.id)}</label>
            </div>
          ))
        )}
      </fieldset>
      <ErrorNotice message={props.error}>
        {props.conflict === "date" && <p>Someone else booked this date a moment ago. Nothing was charged.</p>}
        {props.conflict === "price" && <p>The price changed since you chose. Nothing was charged.</p>}
        {props.conflict && (
          <button type="button" className="button secondary" onClick={props.onChooseDate}>
            {props.conflict === "date" ? "Choose another date" : "Choose your date again"}
          </button>
        )}
      </ErrorNotice>
      <div className="actions">
        <button type="button" className="button link" onClick={props.onBack}>
          Back to your details
        </button>
        <button type="button" className="button primary" disabled={!chosen || props.busy || !!props.conflict} onClick={() => chosen && props.onPay(chosen)}>
          {props.busy ? "Booking…" : `Pay and book · ${money(dueNow, props.cart.currency_code)}`}
        </button>
      </div>
    </section>
  )
}
