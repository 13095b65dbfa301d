// The Commission & payouts page: a tenant's commission override (and the order page's tier widget
// showing an order's commission at it), then its Stripe Connect onboarding against the Stripe
// double: the onboarding link, the way back, a signed and a forged webhook, and a status refresh.
import assert from "node:assert/strict"
import Stripe from "stripe"
import type { Locator, Page } from "playwright-core"
import { same, visible } from "../checks"
import { NEXT_YEAR, adminApi, adminSession, app, base, checkout, choose, createTenant, fromSidebar, productBody, runId, type AdminApi } from "./admin"

const RUN = runId()
// A tenant with a 10% segment, a $7,500 level 2 tier and a $1,000 add-on, booked in November
// (no season rule), and its Stripe Connect onboarding against the double.
const PAYOUTS = {
  tenant: `Payouts studio ${RUN}`,
  region: `Payouts region ${RUN}`,
  segment: { handle: `payouts-${RUN}`, name: `Payouts ${RUN}`, commission_percent: 10 },
  tier: `Payouts Select ${RUN}`,
  addon: `Album ${RUN}`,
  plain: `Gift card ${RUN}`,
  date: `${NEXT_YEAR}-11-24`,
  guests: 80,
}
// Two more segments, one of them deleted: the page asks a rate for live segments only.
const LIVE = { handle: `signature-${RUN}`, name: `Signature ${RUN}` }
const DELETED = { handle: `signature-copy-${RUN}`, name: `Signature copy ${RUN}` }

/** The Stripe double's record of the plugin's calls and its accounts (see app.mjs). */
const stripe = {
  calls: async (method: string, path: string): Promise<any[]> =>
    (await fetch(`${app.stripeControl}/calls?${new URLSearchParams({ method, path })}`)).json(),
  accountIds: async (): Promise<string[]> => (await fetch(`${app.stripeControl}/accounts`)).json(),
  setAccount: async (id: string, fields: Record<string, unknown>) => {
    await fetch(`${app.stripeControl}/accounts/${id}`, { method: "POST", body: JSON.stringify(fields) })
  },
}

/** A tenant with its storefront key, a USD region and a 10% segment whose tier takes an add-on. */
async function payoutFixtures(admin: AdminApi) {
  const { channel, store } = await createTenant(admin, PAYOUTS.tenant)
  const { region } = await admin.post("/admin/regions", { name: PAYOUTS.region, currency_code: "usd", countries: [], payment_providers: ["pp_system_default"] })
  const { segment } = await admin.post("/admin/segments", { ...PAYOUTS.segment, rank: 10 })
  const product = async (title: string, amount: number) =>
    (await admin.post("/admin/products", { ...productBody(title, amount), sales_channels: [{ id: channel.id }] })).product
  const tierProduct = await product(PAYOUTS.tier, 7500)
  const { tier } = await admin.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: PAYOUTS.tier, product_id: tierProduct.id })
  const album = await product(PAYOUTS.addon, 1000)
  await admin.post("/admin/addon-rules", { product_id: album.id, segment_id: segment.id, max_quantity: 2 })
  const plain = await product(PAYOUTS.plain, 250)
  return { channel, store, region, segment, tier, album, plain }
}

/** Stripe's signed delivery of an event to the plugin's Connect webhook endpoint. */
async function connectWebhook(event: unknown, secret = app.stripeWebhookSecret) {
  const payload = JSON.stringify(event)
  const signature = new Stripe("sk_test_signer").webhooks.generateTestHeaderString({ payload, secret })
  const response = await fetch(`${base}/hooks/stripe-connect`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  })
  return { status: response.status, json: (await response.json().catch(() => ({}))) as any }
}

describe("commission and payouts", () => {
  const session = adminSession("commission-payouts")
  const { check } = session
  let page: Page
  let admin: AdminApi
  let connect: Locator
  let widget: Locator
  let fixtures: Awaited<ReturnType<typeof payoutFixtures>>
  let order: any
  let account: any
  const row = () => page.getByTestId(`commission-row-${PAYOUTS.segment.handle}`)
  const text = async (locator: Locator) => (await locator.innerText()).trim()
  const expectRate = async (effective: string, source: string) => {
    await visible(row().getByTestId("commission-effective").getByText(effective, { exact: true }), `the effective rate ${effective}`)
    await visible(row().getByTestId("commission-source").getByText(source, { exact: true }), `the ${source} badge`)
  }
  const storedRate = async () =>
    (await admin.get(`/admin/commission-rates/${fixtures.channel.id}`)).rates.find((r: any) => r.segment_id === fixtures.segment.id)
  const expectConnect = async (status: string, flags: Record<string, string>) => {
    await visible(page.getByTestId("connect-status").getByText(status, { exact: true }), `the status ${status}`)
    for (const [id, value] of Object.entries(flags)) {
      await visible(connect.getByTestId(id).getByText(value, { exact: true }), `${id} ${value}`)
    }
  }
  const payoutsUrl = () => `${base}/app/tiered/commission-payouts?sales_channel_id=${fixtures.channel.id}`
  // The server's default return and refresh URL: the page's old address, which redirects to it.
  const stripeBackUrl = () => `${base}/app/commission-payouts?sales_channel_id=${fixtures.channel.id}`

  beforeAll(async () => {
    page = session.page
    admin = adminApi(session.token)
    connect = page.getByTestId("connect-section")
    widget = page.getByTestId("order-tier-widget")
    await admin.post("/admin/segments", LIVE)
    const { segment } = await admin.post("/admin/segments", DELETED)
    await admin.del(`/admin/segments/${segment.id}`)
  })

  check("the sidebar links to the Commission & payouts page: a tenant's segment at its own 10%", async () => {
    fixtures = await payoutFixtures(admin)
    await page.goto(`${base}/app`)
    await fromSidebar(page, "Commission & payouts")
    await visible(page.getByRole("heading", { name: "Commission & payouts", level: 1 }), "the Commission & payouts heading")
    await visible(page.getByText("Choose a tenant to see its commission and payouts."), "the prompt to choose a tenant")
    await choose(page, "payouts-tenant", PAYOUTS.tenant)
    await page.waitForURL((url) => url.searchParams.get("sales_channel_id") === fixtures.channel.id)
    await visible(row(), "the segment's row")
    assert((await text(row().getByTestId("commission-segment-rate"))) === "10%", "the segment's rate")
    await expectRate("10%", "Segment rate")
    assert((await row().getByLabel(`Override for ${PAYOUTS.segment.name}`).inputValue()) === "", "no override yet")
    await visible(page.getByTestId("commission-section").getByRole("link", { name: "Segments page" }), "the pointer to the Segments page")
    // A deleted segment takes no more orders, so it asks for no rate.
    await visible(page.getByTestId(`commission-row-${LIVE.handle}`), "a live segment's row")
    assert((await page.getByTestId(`commission-row-${DELETED.handle}`).count()) === 0, "no row for the deleted segment")
  })

  check("sets the tenant's override to 12%: the effective rate follows and the API stores it", async () => {
    await row().getByLabel(`Override for ${PAYOUTS.segment.name}`).fill("12")
    await page.getByTestId("save-commission").click()
    await expectRate("12%", "Tenant override")
    const stored = await storedRate()
    assert(stored.override_percent === 12 && stored.effective_percent === 12 && stored.segment_percent === 10, `stored: ${JSON.stringify(stored)}`)
  })

  check("the order page's widget shows an order's package, date, guests, booking and commission at the tenant's 12%", async () => {
    const { cart } = await fixtures.store.post("/store/carts", { region_id: fixtures.region.id, email: `payouts-${RUN}@example.com` })
    await fixtures.store.post(`/store/carts/${cart.id}/tier-items`, {
      tier_id: fixtures.tier.id,
      event_date: PAYOUTS.date,
      guest_count: PAYOUTS.guests,
      addon_variant_ids: [fixtures.album.variants[0].id],
    })
    order = await checkout(fixtures.store, cart.id, "the payouts couple")
    // The conversion is written by a subscriber after the order.
    let summary: any
    for (let i = 0; i < 120 && !summary?.commission; i++) {
      if (i) await new Promise((r) => setTimeout(r, 500))
      summary = (await admin.get(`/admin/orders/${order.id}/tier-summary`)).tier_summary
    }
    // ($7,500 + $1,000) x 12%
    assert(summary.commission === 1020, `the order's commission: ${JSON.stringify(summary)}`)
    await page.goto(`${base}/app/orders/${order.id}`)
    await visible(widget, "the order tier widget", 60_000)
    await widget.scrollIntoViewIfNeeded()
    await visible(widget.getByTestId("order-tier-commission"), "the order's commission")
    const line = widget.getByTestId(`order-tier-line-${summary.lines[0].line_item_id}`)
    const shown = {
      commission: await text(widget.getByTestId("order-tier-commission")),
      revenue: await text(widget.getByTestId("order-tier-revenue")),
      addons: await text(widget.getByTestId("order-tier-addon-revenue")),
      tier: await text(line.getByTestId("order-tier-line-tier")),
      segment: await text(line.getByTestId("order-tier-line-segment")),
      guests: await text(line.getByTestId("order-tier-line-guests")),
      booking: await text(line.getByTestId("order-tier-line-booking")),
      lineCommission: await text(line.getByTestId("order-tier-line-commission")),
    }
    const expected = {
      commission: "$1,020.00",
      revenue: "$7,500.00",
      addons: "$1,000.00",
      tier: `Level 2 · ${PAYOUTS.tier}`,
      segment: PAYOUTS.segment.name,
      guests: "80",
      booking: "Confirmed",
      lineCommission: "$1,020.00",
    }
    assert(same(shown, expected), `the widget: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(shown)}`)
    const date = await text(line.getByTestId("order-tier-line-date"))
    assert(date.includes(`Nov 24, ${NEXT_YEAR}`), `the event date: ${date}`)
    assert((await widget.getByTestId("order-tier-line-tier").count()) === 1, "one tier line")
  })

  check("an order without packages says so on its page", async () => {
    const { cart } = await fixtures.store.post("/store/carts", { region_id: fixtures.region.id, email: `plain-${RUN}@example.com` })
    await fixtures.store.post(`/store/carts/${cart.id}/line-items`, { variant_id: fixtures.plain.variants[0].id, quantity: 1 })
    const plain = await checkout(fixtures.store, cart.id, "the plain cart")
    await page.goto(`${base}/app/orders/${plain.id}`)
    await visible(widget.getByText("No tier packages in this order."), "the widget's empty state", 60_000)
    await widget.scrollIntoViewIfNeeded()
  })

  check("clears the override: back to the segment's 10%, while the placed order keeps its commission", async () => {
    await page.goto(payoutsUrl())
    await expectRate("12%", "Tenant override")
    await row().getByRole("button", { name: `Clear override for ${PAYOUTS.segment.name}` }).click()
    await expectRate("10%", "Segment rate")
    const stored = await storedRate()
    assert(stored.override_percent === null && stored.effective_percent === 10, `stored: ${JSON.stringify(stored)}`)
    const { tier_summary } = await admin.get(`/admin/orders/${order.id}/tier-summary`)
    assert(tier_summary.commission === 1020, `the placed order's commission: ${tier_summary.commission}`)
  })

  check("Connect with Stripe opens the onboarding link Stripe gave for the tenant's new Express account", async () => {
    await expectConnect("Not set up", {})
    const onboarding = page.getByTestId("connect-onboarding")
    assert((await text(onboarding)) === "Connect with Stripe", "the Connect button")
    // Stripe's hosted onboarding, in place of the real site.
    await page.route("https://connect.stripe.test/**", (route) => route.fulfill({ contentType: "text/html", body: "<h1>Stripe onboarding</h1>" }))
    await onboarding.click()
    await page.waitForURL(/^https:\/\/connect\.stripe\.test\//)
    ;({ account } = await admin.get(`/admin/stripe-connect/accounts/${fixtures.channel.id}`))
    const [created, ...more] = await stripe.calls("POST", "/v1/accounts")
    assert(
      created && !more.length && created.body.type === "express" && created.body.metadata?.sales_channel_id === fixtures.channel.id,
      `accounts created: ${JSON.stringify(await stripe.calls("POST", "/v1/accounts"))}`
    )
    assert(account.stripe_account_id === (await stripe.accountIds())[0], `the stored account: ${JSON.stringify(account)}`)
    const links = await stripe.calls("POST", "/v1/account_links")
    const link = links.at(-1)
    assert(links.length === 1 && link.body.account === account.stripe_account_id && link.body.type === "account_onboarding", `account links: ${JSON.stringify(links)}`)
    assert(link.body.return_url === stripeBackUrl() && link.body.refresh_url === stripeBackUrl(), `back to the page with the tenant: ${JSON.stringify(link.body)}`)
    assert(page.url().startsWith(`https://connect.stripe.test/setup/e/${account.stripe_account_id}/`), `the onboarding link: ${page.url()}`)
  })

  check("back from Stripe: the tenant chosen, onboarding not finished, with Stripe's requirements", async () => {
    await page.goto((await stripe.calls("POST", "/v1/account_links")).at(-1).body.return_url)
    await visible(page.getByTestId("payouts-tenant").getByText(PAYOUTS.tenant), "the tenant chosen")
    assert(page.url() === payoutsUrl(), `the old address leads to the page: ${page.url()}`)
    await expectConnect("Onboarding not finished", { "connect-details": "No", "connect-charges": "No", "connect-payouts": "No" })
    const due = await text(connect.getByTestId("connect-requirements"))
    assert(due.includes("Bank account for payouts") && due.includes("Acceptance of Stripe's terms"), `requirements: ${due}`)
    assert((await text(page.getByTestId("connect-onboarding"))) === "Continue onboarding", "the button to continue")
    assert((await text(connect.getByTestId("connect-account-id"))) === account.stripe_account_id, "the Stripe account id")
  })

  check("a signed account.updated webhook enables charges: the page shows it on reload; a forged one changes nothing", async () => {
    const enabled = { details_submitted: true, charges_enabled: true, payouts_enabled: false, requirements: { currently_due: [] } }
    const event = (id: string) => ({ id, object: "event", type: "account.updated", data: { object: { id: account.stripe_account_id, object: "account", ...enabled } } })
    const forged = await connectWebhook(event(`evt_forged_${RUN}`), "whsec_wrong")
    assert(forged.status === 400, `a forged webhook: ${forged.status}`)
    assert((await admin.get(`/admin/stripe-connect/accounts/${fixtures.channel.id}`)).account.charges_enabled === false, "nothing changed")
    // Stripe's side says the same as its event, so a refresh would agree.
    await stripe.setAccount(account.stripe_account_id, enabled)
    const signed = await connectWebhook(event(`evt_enabled_${RUN}`))
    assert(signed.status === 200 && signed.json.duplicate === false, `the signed webhook: ${JSON.stringify(signed)}`)
    await page.reload()
    await expectConnect("Charges enabled", { "connect-details": "Yes", "connect-charges": "Yes", "connect-payouts": "No", "connect-requirements": "None" })
    assert((await page.getByTestId("connect-onboarding").count()) === 0, "nothing left to onboard")
  })

  check("Refresh status reads Stripe now: payouts enabled", async () => {
    await stripe.setAccount(account.stripe_account_id, { payouts_enabled: true })
    const reads = (await stripe.calls("GET", `/v1/accounts/${account.stripe_account_id}`)).length
    await page.getByTestId("connect-refresh").click()
    await expectConnect("Payouts enabled", { "connect-payouts": "Yes", "connect-charges": "Yes" })
    assert((await stripe.calls("GET", `/v1/accounts/${account.stripe_account_id}`)).length === reads + 1, "one read of the account from Stripe")
    const stored = (await admin.get(`/admin/stripe-connect/accounts/${fixtures.channel.id}`)).account
    assert(stored.payouts_enabled && stored.charges_enabled && stored.can_take_payments, `stored: ${JSON.stringify(stored)}`)
  })
})
