import type {
  StoreSegmentListItem,
  StoreSegmentResponse,
  StoreTier,
  StoreTierAddonsResponse,
  StoreTierCart,
  StoreUpsellOffer,
  UpgradeQuote,
} from "@tiered/client"
import { isTierLine } from "@tiered/client"
import { useEffect, useRef, useState } from "react"
import { PlacedOrder, problem, sdk, statusOf, track } from "./api"
import { ErrorNotice } from "./components/StepHeading"
import { UpsellModal } from "./components/UpsellModal"
import { config, missingConfig } from "./config"
import { longDate, money } from "./format"
import { AddonsStep, addonUnits, Quantities } from "./steps/AddonsStep"
import { CheckoutStep, PaymentProvider } from "./steps/CheckoutStep"
import { ConfirmationStep } from "./steps/ConfirmationStep"
import { Contact, ContactStep } from "./steps/ContactStep"
import { DateStep } from "./steps/DateStep"
import { SegmentStep } from "./steps/SegmentStep"
import { TierStep } from "./steps/TierStep"
import { keepVisitorId, visitorId } from "./visitor"

type Step = "segment" | "tier" | "addons" | "date" | "contact" | "checkout" | "done"

const PROGRESS: { step: Step; label: string }[] = [
  { step: "segment", label: "Collection" },
  { step: "tier", label: "Package" },
  { step: "addons", label: "Add-ons" },
  { step: "date", label: "Date" },
  { step: "contact", label: "Details" },
  { step: "checkout", label: "Checkout" },
]

const region_id = config.regionId

/** The selection a cart was built from: a cart is rebuilt when the selection changed since. */
function selectionKey(tierId: string | null, date: string | null, quantities: Quantities) {
  const addons = Object.entries(quantities)
    .filter(([, n]) => n > 0)
    .sort()
  return JSON.stringify([tierId, date, addons])
}

/** The offer worth a modal: an upgrade first, then whatever the store ranked highest; none already decided. */
function pickOffer(all: StoreUpsellOffer[]) {
  const offers = all.filter((o) => o.status === "shown")
  return offers.find((o) => o.action === "suggest_upgrade" && o.to_tier_id) ?? offers.find((o) => o.to_tier_id) ?? offers[0] ?? null
}

export function App() {
  if (missingConfig.length) {
    return (
      <main className="config-problem">
        <h1>The storefront is not configured</h1>
        <p>
          Set {missingConfig.join(" and ")} (and VITE_MEDUSA_BACKEND_URL when the server is not at http://localhost:9000) before
          starting it. <code>npm run dev</code> sets them from the demo store.
        </p>
      </main>
    )
  }
  return <Journey />
}

function Journey() {
  const [step, setStep] = useState<Step>("segment")
  const [moved, setMoved] = useState(false)
  const [currency, setCurrency] = useState("usd")
  const [segments, setSegments] = useState<StoreSegmentListItem[] | null>(null)
  const [segment, setSegment] = useState<StoreSegmentListItem | null>(null)
  const [catalog, setCatalog] = useState<StoreSegmentResponse | null>(null)
  const [tierId, setTierId] = useState<string | null>(null)
  const [addons, setAddons] = useState<StoreTierAddonsResponse | null>(null)
  const [quantities, setQuantities] = useState<Quantities>({})
  const [date, setDate] = useState<string | null>(null)
  const [cart, setCart] = useState<{ cart: StoreTierCart; key: string } | null>(null)
  const [contact, setContact] = useState<Contact>({ email: "", first_name: "", last_name: "" })
  const [upsell, setUpsell] = useState<{ offer: StoreUpsellOffer; quote: UpgradeQuote | null; error: string | null } | null>(null)
  const [providers, setProviders] = useState<PaymentProvider[] | null>(null)
  const [order, setOrder] = useState<PlacedOrder | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [conflict, setConflict] = useState<"date" | "price" | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [reloadToken, setReloadToken] = useState(0)
  const page = useRef<HTMLDivElement>(null)
  const catalogRequest = useRef(0)

  const tier = catalog?.tiers.find((t) => t.id === tierId) ?? null
  const tierLine = cart?.cart.items.find(isTierLine) ?? null

  useEffect(() => {
    // The store's signed visitor id, ready before the first event or offer.
    visitorId().catch(() => {})
    sdk.store.region
      .retrieve(region_id)
      .then(({ region }) => setCurrency(region.currency_code))
      .catch(() => {})
    sdk.tiered.segments
      .list({ region_id })
      .then(({ segments }) => setSegments(segments))
      .catch((e) => setError(problem(e)))
  }, [])

  // The page behind the offer's dialog takes no focus or clicks while it is open.
  useEffect(() => {
    page.current?.toggleAttribute("inert", !!upsell)
  }, [upsell])

  const go = (next: Step) => {
    setError(null)
    setStep(next)
    setMoved(true)
    window.scrollTo({ top: 0 })
  }

  /** The segment's tiers priced for the date; answers that arrive after a newer request are dropped. */
  const loadCatalog = async (handle: string, eventDate: string | null) => {
    const request = ++catalogRequest.current
    const result = await sdk.tiered.segments.retrieve(handle, { region_id, ...(eventDate ? { event_date: eventDate } : {}) })
    return request === catalogRequest.current ? result : null
  }

  const chooseSegment = async (chosen: StoreSegmentListItem) => {
    track("segment_selected", { segment: chosen.handle })
    setBusy(`Loading the ${chosen.name} packages…`)
    setError(null)
    try {
      const result = await loadCatalog(chosen.handle, date)
      if (!result) return
      if (segment?.id !== chosen.id) setTierId(null)
      setSegment(chosen)
      setCatalog(result)
      track("tier_compared", { segment: chosen.handle, properties: { tiers: result.tiers.length } })
      go("tier")
    } catch (e) {
      setError(problem(e))
    } finally {
      setBusy(null)
    }
  }

  const changeDate = async (next: string | null) => {
    setDate(next)
    if (!catalog) return
    try {
      const result = await loadCatalog(catalog.segment.handle, next)
      if (result) setCatalog(result)
    } catch (e) {
      setError(problem(e))
    }
  }

  const chooseTier = async (chosen: StoreTier) => {
    track("tier_viewed", { tier_id: chosen.id })
    setBusy(`Loading the add-ons for ${chosen.name}…`)
    setError(null)
    try {
      const result = await sdk.tiered.tiers.addons(chosen.id, { region_id })
      if (chosen.id !== tierId) setQuantities({})
      setTierId(chosen.id)
      setAddons(result)
      go("addons")
    } catch (e) {
      setError(problem(e))
    } finally {
      setBusy(null)
    }
  }

  const confirmDate = async () => {
    const key = selectionKey(tierId, date, quantities)
    if (cart?.key === key) return go("contact")
    setBusy("Reserving your date…")
    setError(null)
    try {
      const { cart: created } = await sdk.store.cart.create({ region_id, metadata: { visitor_id: await visitorId() } })
      const { cart: filled } = await sdk.tiered.carts.addTier(created.id, {
        tier_id: tierId!,
        event_date: date!,
        addon_variant_ids: Object.entries(quantities).flatMap(([id, n]) => Array<string>(n).fill(id)),
      })
      setCart({ cart: filled, key })
      go("contact")
    } catch (e) {
      setError(problem(e))
      // The date may have been taken meanwhile: show the calendar as it is now.
      if (statusOf(e) === 409) setReloadToken((n) => n + 1)
    } finally {
      setBusy(null)
    }
  }

  const startCheckout = (lineTierId: string | undefined) => {
    track("checkout_started", { tier_id: lineTierId, properties: { cart_id: cart?.cart.id ?? null } })
    go("checkout")
    if (!providers) {
      sdk.store.payment
        .listPaymentProviders({ region_id })
        .then(({ payment_providers }) => setProviders(payment_providers))
        .catch((e) => setError(problem(e)))
    }
  }

  const submitContact = async (details: Contact) => {
    if (!cart || !tierLine) return
    setContact(details)
    setBusy("Saving your details…")
    setError(null)
    setNotice(null)
    try {
      await sdk.store.cart.update(cart.cart.id, { email: details.email, billing_address: { first_name: details.first_name, last_name: details.last_name } })
      // The booked package is the one on screen: rules on the viewed tier apply to it too.
      const { offers, visitor_id } = await sdk.tiered.upsell.offers({
        visitor_id: await visitorId(),
        cart_id: cart.cart.id,
        region_id,
        context: { viewing_tier_id: tierLine.metadata.tier_id },
      })
      keepVisitorId(visitor_id)
      const offer = pickOffer(offers)
      if (!offer) return startCheckout(tierLine.metadata.tier_id)
      const quote =
        offer.from_tier_id && offer.to_tier_id
          ? await sdk.tiered.tiers
              .upgradeQuote({ from_tier_id: offer.from_tier_id, to_tier_id: offer.to_tier_id, region_id, line_item_id: tierLine.id })
              .catch(() => null)
          : null
      setUpsell({ offer, quote, error: null })
      track("upsell_shown", { tier_id: offer.from_tier_id, properties: { offer_id: offer.id, action: offer.action } })
    } catch (e) {
      setError(problem(e))
    } finally {
      setBusy(null)
    }
  }

  const decide = async (decision: "accepted" | "declined") => {
    if (!upsell || !cart || !tierLine) return
    const { offer } = upsell
    setBusy(decision === "accepted" ? "Updating your package…" : "One moment…")
    try {
      await sdk.tiered.upsell.decide(offer.id, { decision })
    } catch (e) {
      // Already decided (409): nothing left to ask; anything else: let the customer try again.
      if (statusOf(e) !== 409) {
        setUpsell({ ...upsell, error: problem(e) })
        setBusy(null)
        return
      }
    }
    track(decision === "accepted" ? "upsell_accepted" : "upsell_declined", {
      tier_id: offer.from_tier_id,
      properties: { offer_id: offer.id, action: offer.action },
    })
    setUpsell(null)
    let lineTierId = tierLine.metadata.tier_id
    if (decision === "accepted" && offer.to_tier_id && (offer.action === "suggest_upgrade" || offer.action === "show_comparison")) {
      try {
        const result = await sdk.tiered.carts.upgradeTier(cart.cart.id, { line_item_id: tierLine.id, to_tier_id: offer.to_tier_id, offer_id: offer.id })
        lineTierId = offer.to_tier_id
        setTierId(offer.to_tier_id)
        setCart({ cart: result.cart, key: selectionKey(offer.to_tier_id, date, quantities) })
        const upgradedLine = result.cart.items.find(isTierLine)
        setNotice(`Upgraded to ${upgradedLine?.title ?? "the next package"}.`)
        // An upgrade may lead into another collection: its packages are the ones to show from now on.
        const target = segments?.find((s) => s.id === upgradedLine?.metadata.segment_id)
        if (target && target.id !== segment?.id) {
          const next = await loadCatalog(target.handle, date)
          if (next) {
            setSegment(target)
            setCatalog(next)
          }
        }
      } catch (e) {
        setNotice(`Your package could not be upgraded (${problem(e)}); your booking stays as it was.`)
      }
    }
    setBusy(null)
    if (decision === "accepted" && offer.action === "suggest_addon_bundle") return go("addons")
    startCheckout(lineTierId)
  }

  const pay = async (providerId: string) => {
    if (!cart) return
    setBusy("Booking your date…")
    setError(null)
    setConflict(null)
    try {
      const { cart: current } = await sdk.store.cart.retrieve(cart.cart.id)
      await sdk.store.payment.initiatePaymentSession(current, { provider_id: providerId })
      const result = await sdk.store.cart.complete(cart.cart.id)
      if (result.type === "order") {
        setOrder(result.order)
        setCart(null)
        go("done")
      } else {
        setError(result.error?.message ?? "The booking could not be completed.")
      }
    } catch (e) {
      const message = problem(e)
      setError(message)
      if (statusOf(e) === 409) setConflict(/no longer available|just taken|sold out/i.test(message) ? "date" : "price")
    } finally {
      setBusy(null)
    }
  }

  const chooseAnotherDate = () => {
    setCart(null)
    if (conflict === "date") setDate(null)
    setConflict(null)
    setReloadToken((n) => n + 1)
    go("date")
  }

  const restart = () => {
    setSegment(null)
    setCatalog(null)
    setTierId(null)
    setAddons(null)
    setQuantities({})
    setDate(null)
    setCart(null)
    setOrder(null)
    setNotice(null)
    go("segment")
  }

  const current = PROGRESS.findIndex((p) => p.step === step)
  const focus = moved
  return (
    <div className="app">
      <div ref={page} className="page">
        <a href="#main" className="skip-link">
          Skip to the booking
        </a>
        <header className="site-header">
          <p className="brand">Everafter</p>
          <h1>Book your wedding photography</h1>
        </header>
        {step !== "done" && (
          <nav aria-label="Booking progress" className="progress">
            <ol>
              {PROGRESS.map((p, index) => (
                <li key={p.step} className={index < current ? "done" : index === current ? "current" : ""} aria-current={index === current ? "step" : undefined}>
                  <span className="progress-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="progress-label">{p.label}</span>
                  {index < current && <span className="sr-only"> (done)</span>}
                </li>
              ))}
            </ol>
          </nav>
        )}
        <main id="main" className="layout">
          <div className="content">
            {step === "segment" &&
              (segments ? (
                <SegmentStep segments={segments} currency={currency} chosen={segment?.id ?? null} busy={!!busy} focus={focus} onChoose={chooseSegment} />
              ) : (
                !error && <p className="muted">Loading the collections…</p>
              ))}
            {step === "tier" && catalog && (
              <TierStep
                catalog={catalog}
                date={date}
                chosen={tierId}
                busy={!!busy}
                focus={focus}
                onDateChange={changeDate}
                onChoose={chooseTier}
                onBack={() => go("segment")}
              />
            )}
            {step === "addons" && tier && addons && (
              <AddonsStep tier={tier} addons={addons} quantities={quantities} focus={focus} onChange={setQuantities} onContinue={() => go("date")} onBack={() => go("tier")} />
            )}
            {step === "date" && tier && (
              <DateStep
                key={tier.id}
                tier={tier}
                date={date}
                focus={focus}
                busy={!!busy}
                error={error}
                reloadToken={reloadToken}
                onSelect={changeDate}
                onContinue={confirmDate}
                onBack={() => go("addons")}
              />
            )}
            {step === "contact" && (
              <ContactStep initial={contact} busy={!!busy} error={error} focus={focus} onSubmit={submitContact} onBack={() => go("date")} />
            )}
            {step === "checkout" && cart && (
              <CheckoutStep
                cart={cart.cart}
                providers={providers}
                busy={!!busy}
                error={error}
                conflict={conflict}
                notice={notice}
                focus={focus}
                onPay={pay}
                onChooseDate={chooseAnotherDate}
                onBack={() => go("contact")}
              />
            )}
            {step === "done" && order && <ConfirmationStep order={order} focus={focus} onRestart={restart} />}
            {(step === "segment" || step === "tier" || step === "addons") && <ErrorNotice message={error} />}
          </div>
          {(step === "tier" || step === "addons" || step === "date" || step === "contact") && (
            <aside className="card summary" aria-labelledby="summary-title">
              <h2 id="summary-title">Your booking</h2>
              <dl>
                {segment && (
                  <>
                    <dt>Collection</dt>
                    <dd>{segment.name}</dd>
                  </>
                )}
                {tier && (
                  <>
                    <dt>Package</dt>
                    <dd>
                      {tier.name}
                      {tier.price && <> · {money(tier.price.final, tier.price.currency_code)}</>}
                    </dd>
                  </>
                )}
                {addonUnits(quantities) > 0 && (
                  <>
                    <dt>Add-ons</dt>
                    <dd>{addonUnits(quantities)}</dd>
                  </>
                )}
                {date && (
                  <>
                    <dt>Date</dt>
                    <dd>{longDate(date)}</dd>
                  </>
                )}
              </dl>
            </aside>
          )}
        </main>
        <footer className="site-footer">
          <p className="muted small">Prices are set by the studio&apos;s store and checked again when you book.</p>
        </footer>
      </div>
      {upsell && (
        <UpsellModal
          offer={upsell.offer}
          quote={upsell.quote}
          toTierName={catalog?.tiers.find((t) => t.id === upsell.offer.to_tier_id)?.name ?? null}
          busy={!!busy}
          error={upsell.error}
          onDecide={decide}
        />
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {busy ?? ""}
      </p>
    </div>
  )
}
