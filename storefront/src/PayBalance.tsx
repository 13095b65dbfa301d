import type { OrderPaymentPlan } from "@tiered/client"
import { useEffect, useState } from "react"
import { problem, sdk } from "./api"
import { SiteHeader } from "./components/SiteHeader"
import { ErrorNotice, StepHeading } from "./components/StepHeading"
import { config } from "./config"
import { longDate, money, shortDate } from "./format"
import type { PaymentProvider } from "./journey"
import { providerName } from "./steps/CheckoutStep"

const STATUS: Record<OrderPaymentPlan["status"], string> = {
  paid: "Paid in full",
  due: "Balance due",
  overdue: "Balance overdue",
  canceled: "This booking is canceled: nothing more is owed",
}

/** Whether the order still owes something the couple can pay here. */
const owing = (plan: OrderPaymentPlan) => plan.status === "due" || plan.status === "overdue"

/**
 * The page a payment link opens (`?pay=<order id>`): the order's plan as the store records it,
 * and the balance (of a plan of several payments, the next one) paid with one of the region's
 * providers. The amount is always the store's.
 */
export function PayBalance({ orderId }: { orderId: string }) {
  const [plan, setPlan] = useState<OrderPaymentPlan | null>(null)
  const [providers, setProviders] = useState<PaymentProvider[] | null>(null)
  const [provider, setProvider] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    sdk.tiered.orders
      .paymentPlan(orderId)
      .then((r) => setPlan(r.payment_plan))
      .catch((e) => setError(problem(e)))
    sdk.store.payment
      .listPaymentProviders({ region_id: config.regionId })
      .then(({ payment_providers }) => setProviders(payment_providers))
      .catch(() => setProviders([]))
  }, [orderId])

  const chosen = provider ?? providers?.[0]?.id ?? null
  const pay = async () => {
    if (!chosen) return
    setBusy(true)
    setError(null)
    try {
      await sdk.tiered.orders.startBalancePayment(orderId, { provider_id: chosen })
      const { payment_plan } = await sdk.tiered.orders.authorizeBalancePayment(orderId)
      setPlan(payment_plan)
    } catch (e) {
      setError(problem(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="app">
      <div className="page">
        <SiteHeader title="Your wedding photography booking" />
        <main id="main" className="layout">
          <div className="content">
          <section aria-labelledby="pay-balance">
            <StepHeading id="pay-balance" focus>
              Your balance
            </StepHeading>
            {!plan && !error && <p className="muted">Loading your booking…</p>}
            {plan && (
              <div className="card" data-testid="pay-balance-plan">
                <dl className="booking">
                  <dt>Total</dt>
                  <dd data-testid="pay-total">{money(plan.total, plan.currency_code)}</dd>
                  <dt>Paid</dt>
                  <dd data-testid="pay-paid">{money(plan.paid, plan.currency_code)}</dd>
                  <dt>Balance</dt>
                  <dd data-testid="pay-balance">{money(plan.balance, plan.currency_code)}</dd>
                  {plan.next_payment && (
                    <>
                      <dt>Next payment</dt>
                      <dd data-testid="pay-next">
                        {money(plan.next_payment.amount, plan.currency_code)} by {longDate(plan.next_payment.due_date)} (payment {plan.next_payment.number} of{" "}
                        {plan.instalments!.length})
                      </dd>
                    </>
                  )}
                  {plan.balance_due_date && owing(plan) && !plan.next_payment && (
                    <>
                      <dt>Due by</dt>
                      <dd data-testid="pay-due-date">{longDate(plan.balance_due_date)}</dd>
                    </>
                  )}
                </dl>
                {plan.instalments && (
                  <ol className="instalments" data-testid="pay-instalments">
                    {plan.instalments.map((i) => (
                      <li key={i.number}>
                        {money(i.amount, plan.currency_code)} by {shortDate(i.due_date)}: {i.status}
                      </li>
                    ))}
                  </ol>
                )}
                <p data-testid="pay-status">
                  <strong>{STATUS[plan.status]}</strong>
                </p>
              </div>
            )}
            {plan && owing(plan) && (
              <>
                <fieldset className="card payment">
                  <legend>Payment</legend>
                  {providers === null ? (
                    <p className="muted">Loading payment options…</p>
                  ) : providers.length === 0 ? (
                    <p>This store takes no payments in your region.</p>
                  ) : (
                    providers.map((p) => (
                      <div key={p.id} className="radio">
                        <input id={`pay-provider-${p.id}`} type="radio" name="provider" value={p.id} checked={chosen === p.id} onChange={() => setProvider(p.id)} />
                        <label htmlFor={`pay-provider-${p.id}`}>{providerName(p.id)}</label>
                      </div>
                    ))
                  )}
                </fieldset>
                <div className="actions">
                  <button type="button" className="button primary" disabled={!chosen || busy} onClick={pay} data-testid="pay-balance-button">
                    {busy ? "Paying…" : `Pay ${money(plan.next_payment?.amount ?? plan.balance, plan.currency_code)}`}
                  </button>
                </div>
              </>
            )}
            <ErrorNotice message={error} />
          </section>
          </div>
        </main>
      </div>
    </div>
  )
}
