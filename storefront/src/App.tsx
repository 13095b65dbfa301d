import type { StoreSegmentListItem, StoreTier, StoreUpsellOffer } from "@tiered/client"
import { isTierLine } from "@tiered/client"
import { useEffect, useReducer, useRef } from "react"
import { problem, sdk, statusOf, track } from "./api"
import { ErrorNotice } from "./components/StepHeading"
import { UpsellModal } from "./components/UpsellModal"
import { config, missingConfig } from "./config"
import { PayBalance } from "./PayBalance"
import { SiteHeader } from "./components/SiteHeader"
import { longDate, money } from "./format"
import { Contact, initialJourney, journeyReducer, PROGRESS, selectionKey, Step } from "./journey"
import { AddonsStep, addonUnits } from "./steps/AddonsStep"
import { CheckoutStep } from "./steps/CheckoutStep"
import { ConfirmationStep } from "./steps/ConfirmationStep"
import { ContactStep } from "./steps/ContactStep"
import { DateStep } from "./steps/DateStep"
import { SegmentStep } from "./steps/SegmentStep"
import { TierStep } from "./steps/TierStep"
import { keepVisitorId, visitorId } from "./visitor"

const region_id = config.regionId

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
  // A payment link opens the balance of one order (README "Balances").
  const payOrder = new URLSearchParams(window.location.search).get("pay")
  return payOrder ? <PayBalance orderId={payOrder} /> : <Journey />
}

function Journey() {
  const [state, dispatch] = useReducer(journeyReducer, initialJourney)
  const { step, moved, currency, segments, segment, catalog, tierId, addons, quantities, date, cart, contact, upsell, providers, order, busy, error, conflict, notice, reloadToken } =
    state
  const page = useRef<HTMLDivElement>(null)
  const catalogRequest = useRef(0)

  const tier = catalog?.tiers.find((t) => t.id === tierId) ?? null
  const tierLine = cart?.cart.items.find(isTierLine) ?? null

  useEffect(() => {
    // The store's signed visitor id, ready before the first event or offer.
    visitorId().catch(() => {})
    sdk.store.region
      .retrieve(region_id)
      .then(({ region }) => dispatch({ type: "currencyLoaded", currency: region.currency_code }))
      .catch(() => {})
    sdk.tiered.segments
      .list({ region_id })
      .then(({ segments }) => dispatch({ type: "segmentsLoaded", segments }))
      .catch((e) => dispatch({ type: "failed", error: problem(e) }))
  }, [])

  // The page behind the offer's dialog takes no focus or clicks while it is open.
  useEffect(() => {
    page.current?.toggleAttribute("inert", !!upsell)
  }, [upsell])

  const go = (next: Step) => {
    dispatch({ type: "go", step: next })
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
    dispatch({ type: "started", busy: `Loading the ${chosen.name} packages…` })
    try {
      const result = await loadCatalog(chosen.handle, date)
      if (!result) return
      dispatch({ type: "segmentChosen", segment: chosen, catalog: result })
      track("tier_compared", { segment: chosen.handle, properties: { tiers: result.tiers.length } })
      go("tier")
    } catch (e) {
      dispatch({ type: "failed", error: problem(e) })
    } finally {
      dispatch({ type: "finished" })
    }
  }

  const changeDate = async (next: string | null) => {
    dispatch({ type: "dateChanged", date: next })
    if (!catalog) return
    try {
      const result = await loadCatalog(catalog.segment.handle, next)
      if (result) dispatch({ type: "catalogLoaded", catalog: result })
    } catch (e) {
      dispatch({ type: "failed", error: problem(e) })
    }
  }

  const chooseTier = async (chosen: StoreTier) => {
    track("tier_viewed", { tier_id: chosen.id })
    dispatch({ type: "started", busy: `Loading the add-ons for ${chosen.name}…` })
    try {
      const result = await sdk.tiered.tiers.addons(chosen.id, { region_id })
      dispatch({ type: "tierChosen", tierId: chosen.id, addons: result })
      go("addons")
    } catch (e) {
      dispatch({ type: "failed", error: problem(e) })
    } finally {
      dispatch({ type: "finished" })
    }
  }

  const confirmDate = async () => {
    const key = selectionKey(tierId, date, quantities)
    if (cart?.key === key) return go("contact")
    dispatch({ type: "started", busy: "Reserving your date…" })
    try {
      const { cart: created } = await sdk.store.cart.create({ region_id, metadata: { visitor_id: await visitorId() } })
      const { cart: filled } = await sdk.tiered.carts.addTier(created.id, {
        tier_id: tierId!,
        event_date: date!,
        addon_variant_ids: Object.entries(quantities).flatMap(([id, n]) => Array<string>(n).fill(id)),
      })
      dispatch({ type: "cartFilled", cart: filled, key })
      go("contact")
    } catch (e) {
      dispatch({ type: "failed", error: problem(e) })
      // The date may have been taken meanwhile: show the calendar as it is now.
      if (statusOf(e) === 409) dispatch({ type: "calendarStale" })
    } finally {
      dispatch({ type: "finished" })
    }
  }

  const startCheckout = (lineTierId: string | undefined) => {
    track("checkout_started", { tier_id: lineTierId, properties: { cart_id: cart?.cart.id ?? null } })
    go("checkout")
    if (!providers) {
      sdk.store.payment
        .listPaymentProviders({ region_id })
        .then(({ payment_providers }) => dispatch({ type: "providersLoaded", providers: payment_providers }))
        .catch((e) => dispatch({ type: "failed", error: problem(e) }))
    }
  }

  const submitContact = async (details: Contact) => {
    if (!cart || !tierLine) return
    dispatch({ type: "contactSubmitted", contact: details, busy: "Saving your details…" })
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
      dispatch({ type: "upsellShown", offer, quote })
      track("upsell_shown", { tier_id: offer.from_tier_id, properties: { offer_id: offer.id, action: offer.action } })
    } catch (e) {
      dispatch({ type: "failed", error: problem(e) })
    } finally {
      dispatch({ type: "finished" })
    }
  }

  const decide = async (decision: "accepted" | "declined") => {
    if (!upsell || !cart || !tierLine) return
    const { offer } = upsell
    dispatch({ type: "waiting", busy: decision === "accepted" ? "Updating your package…" : "One moment…" })
    try {
      await sdk.tiered.upsell.decide(offer.id, { decision })
    } catch (e) {
      // Already decided (409): nothing left to ask; anything else: let the customer try again.
      if (statusOf(e) !== 409) {
        dispatch({ type: "upsellFailed", error: problem(e) })
        return
      }
    }
    track(decision === "accepted" ? "upsell_accepted" : "upsell_declined", {
      tier_id: offer.from_tier_id,
      properties: { offer_id: offer.id, action: offer.action },
    })
    dispatch({ type: "upsellClosed" })
    let lineTierId = tierLine.metadata.tier_id
    if (decision === "accepted" && offer.to_tier_id && (offer.action === "suggest_upgrade" || offer.action === "show_comparison")) {
      try {
        const result = await sdk.tiered.carts.upgradeTier(cart.cart.id, { line_item_id: tierLine.id, to_tier_id: offer.to_tier_id, offer_id: offer.id })
        lineTierId = offer.to_tier_id
        const upgradedLine = result.cart.items.find(isTierLine)
        dispatch({
          type: "tierUpgraded",
          tierId: offer.to_tier_id,
          cart: result.cart,
          key: selectionKey(offer.to_tier_id, date, quantities),
          notice: `Upgraded to ${upgradedLine?.title ?? "the next package"}.`,
        })
        // An upgrade may lead into another collection: its packages are the ones to show from now on.
        const target = segments?.find((s) => s.id === upgradedLine?.metadata.segment_id)
        if (target && target.id !== segment?.id) {
          const next = await loadCatalog(target.handle, date)
          if (next) dispatch({ type: "segmentSwitched", segment: target, catalog: next })
        }
      } catch (e) {
        dispatch({ type: "noticed", notice: `Your package could not be upgraded (${problem(e)}); your booking stays as it was.` })
      }
    }
    dispatch({ type: "finished" })
    if (decision === "accepted" && offer.action === "suggest_addon_bundle") return go("addons")
    startCheckout(lineTierId)
  }

  const pay = async (providerId: string) => {
    if (!cart) return
    dispatch({ type: "paymentStarted", busy: "Booking your date…" })
    try {
      const { cart: current } = await sdk.store.cart.retrieve(cart.cart.id)
      await sdk.store.payment.initiatePaymentSession(current, { provider_id: providerId })
      const result = await sdk.store.cart.complete(cart.cart.id)
      if (result.type === "order") {
        dispatch({ type: "ordered", order: result.order })
        go("done")
      } else {
        dispatch({ type: "failed", error: result.error?.message ?? "The booking could not be completed." })
      }
    } catch (e) {
      const message = problem(e)
      const taken = /no longer available|just taken|sold out/i.test(message)
      dispatch({ type: "failed", error: message, ...(statusOf(e) === 409 ? { conflict: taken ? "date" : "price" } : {}) })
    } finally {
      dispatch({ type: "finished" })
    }
  }

  const chooseAnotherDate = () => {
    dispatch({ type: "anotherDateChosen" })
    go("date")
  }

  const restart = () => {
    dispatch({ type: "restarted" })
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
        <SiteHeader title="Book your wedding photography" />
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
              <AddonsStep tier={tier} addons={addons} quantities={quantities} focus={focus} onChange={(next) => dispatch({ type: "quantitiesChanged", quantities: next })} onContinue={() => go("date")} onBack={() => go("tier")} />
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
