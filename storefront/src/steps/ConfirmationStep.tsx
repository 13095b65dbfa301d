import { isAddonLine, isTierLine } from "@tiered/client"
import type { PlacedOrder } from "../api"
import { longDate, money } from "../format"
import { StepHeading } from "../components/StepHeading"
import { OrderPaymentPlanNote } from "../components/PaymentPlan"

export function ConfirmationStep({ order, focus, onRestart }: { order: PlacedOrder; focus: boolean; onRestart: () => void }) {
  const items = order.items ?? []
  return (
    <section aria-labelledby="step-done">
      <StepHeading id="step-done" focus={focus}>
        Your date is booked
      </StepHeading>
      <p className="lead">
        Thank you! The booking is under <strong>{order.email}</strong>; the studio will be in touch.
      </p>
      <div className="card confirmation" data-testid="confirmation">
        <p>
          Order <strong data-testid="order-number">#{order.display_id}</strong>
        </p>
        {items.filter(isTierLine).map((line) => (
          <dl key={line.id} className="booking">
            <dt>Event date</dt>
            <dd data-testid="booking-date">{longDate(line.metadata.event_date)}</dd>
            <dt>Package</dt>
            <dd data-testid="booking-tier">{line.product_title ?? line.title}</dd>
            {line.metadata.guest_count ? (
              <>
                <dt>Guests</dt>
                <dd>{line.metadata.guest_count}</dd>
              </>
            ) : null}
            <dt>Add-ons</dt>
            <dd>
              {items
                .filter(isAddonLine)
                .filter((a) => a.metadata.tier_line_key === line.metadata.tier_line_key)
                .map((a) => `${a.product_title ?? a.title} × ${a.quantity}`)
                .join(", ") || "None"}
            </dd>
          </dl>
        ))}
        <p className="cart-total">
          Total <strong data-testid="order-total">{money(order.total, order.currency_code)}</strong>
        </p>
        <OrderPaymentPlanNote orderId={order.id} />
      </div>
      <button type="button" className="button secondary" onClick={onRestart}>
        Book another date
      </button>
    </section>
  )
}
