// The Tier analytics page: a tenant's storefront events, an offer taken and one declined, and two
// orders, read back as the funnel, revenue and commission, tier popularity, upsell and experiment
// reports (every number worked out by hand), their CSV exports, the date range and the dark theme.
import assert from "node:assert/strict"
import fs from "node:fs"
import type { Locator, Page } from "playwright-core"
import { WAIT, same, visible } from "../checks"
import { NEXT_YEAR, adminApi, adminSession, base, checkout, choose, createTenant, fromSidebar, productBody, runId, type AdminApi } from "./admin"

const RUN = runId()
// A tenant of its own, a 10% segment with two tiers, and orders in November (no season rule).
const ANALYTICS = {
  tenant: `Analytics studio ${RUN}`,
  region: `Analytics region ${RUN}`,
  segment: { handle: `analytics-${RUN}`, name: `Analytics ${RUN}`, commission_percent: 10 },
  rule: `Analytics compare ${RUN}`,
  experiment: { key: `analytics-copy-${RUN}`, name: `Analytics copy ${RUN}` },
  dates: [`${NEXT_YEAR}-11-10`, `${NEXT_YEAR}-11-17`],
}
const handle = ANALYTICS.segment.handle

/** The tenant's storefront: funnel events, an upsell offer taken and one declined, and two orders. */
async function analyticsFixtures(admin: AdminApi) {
  const { channel, store } = await createTenant(admin, ANALYTICS.tenant)
  const { region } = await admin.post("/admin/regions", {
    name: ANALYTICS.region,
    currency_code: "usd",
    countries: [],
    payment_providers: ["pp_system_default"],
  })
  const { segment } = await admin.post("/admin/segments", { ...ANALYTICS.segment, rank: 9 })
  const tier = async (level: number, name: string, amount: number) => {
    const { product } = await admin.post("/admin/products", {
      ...productBody(`${name} ${RUN}`, amount),
      sales_channels: [{ id: channel.id }],
    })
    return (await admin.post(`/admin/segments/${segment.id}/tiers`, { level, name, product_id: product.id })).tier
  }
  const essential = await tier(1, "Essential", 5000)
  const select = await tier(2, "Select", 7500)

  const { upsell_rule: rule } = await admin.post("/admin/upsell-rules", {
    name: ANALYTICS.rule,
    trigger: { viewing_tier: { segment: ANALYTICS.segment.handle, level: 1 } },
    action: "show_comparison",
    headline: "Compare with the next package",
    priority: 100,
    sales_channel_ids: [channel.id],
  })
  const { experiment } = await admin.post("/admin/experiments", {
    ...ANALYTICS.experiment,
    traffic_percent: 100,
    variants: [
      { key: "control", weight: 1 },
      { key: "urgent", weight: 1, headline: "Dates are going fast" },
    ],
    sales_channel_ids: [channel.id],
    rule_ids: [rule.id],
  })
  await admin.post(`/admin/experiments/${experiment.id}/start`)

  // Four visitors pick the segment; a1, a2 and a3 view a tier (a2 twice), a1 and a2 compare,
  // start checkout and order: a1 the Select ($7,500), a2 the Essential ($5,000) after taking an offer.
  const event = (name: string, visitor: string, extra = {}) => store.post("/store/tier-events", { name, visitor_id: visitor, ...extra })
  const bySegment = { segment: ANALYTICS.segment.handle }
  // The server buckets and counts only the visitor ids it signed: each visitor asks for one first.
  const ids: Record<string, string> = {}
  for (const v of ["a1", "a2", "a3", "a4"]) ids[v] = (await store.post("/store/tiered/visitor")).visitor_id
  const visitor = (v: string) => ids[v]
  for (const v of ["a1", "a2", "a3", "a4"]) await event("segment_selected", visitor(v), bySegment)
  for (const [v, t] of [
    ["a1", select],
    ["a2", essential],
    ["a2", essential],
    ["a3", essential],
    ["a3", select],
  ]) {
    await event("tier_viewed", visitor(v), { tier_id: t.id })
  }
  for (const v of ["a1", "a2"]) await event("tier_compared", visitor(v), bySegment)
  for (const v of ["a1", "a2"]) await event("checkout_started", visitor(v), bySegment)

  const order = async (v: string, t: any, date: string, offer?: (cartId: string) => Promise<void>) => {
    const { cart } = await store.post("/store/carts", { region_id: region.id, email: `${v}@example.com`, metadata: { visitor_id: visitor(v) } })
    await store.post(`/store/carts/${cart.id}/tier-items`, { tier_id: t.id, event_date: date })
    if (offer) await offer(cart.id)
    return checkout(store, cart.id, v)
  }
  const offerFor = async (v: string, extra = {}) => {
    const { offers } = await store.post("/store/upsell/offers", {
      visitor_id: visitor(v),
      region_id: region.id,
      context: { segment: ANALYTICS.segment.handle, viewing_tier_id: essential.id },
      ...extra,
    })
    const offer = offers.find((o: any) => o.rule_id === rule.id)
    if (!offer) throw new Error(`no offer of the analytics rule for ${v}: ${JSON.stringify(offers)}`)
    return offer
  }
  await order("a1", select, ANALYTICS.dates[0])
  await order("a2", essential, ANALYTICS.dates[1], async (cartId) => {
    const offer = await offerFor("a2", { cart_id: cartId })
    await store.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" })
  })
  const declined = await offerFor("a3")
  await store.post(`/store/upsell/offers/${declined.id}/decision`, { decision: "declined" })

  // Conversions are written by subscribers after the order: wait until the reports hold both.
  const tenantQuery = `sales_channel_id=${channel.id}`
  let orders = 0
  for (let i = 0; i < 120 && orders < 2; i++) {
    if (i) await new Promise((r) => setTimeout(r, 500))
    const { by_segment } = await admin.get(`/admin/tier-analytics/revenue?${tenantQuery}`)
    orders = by_segment.find((r: any) => r.segment_id === segment.id)?.orders ?? 0
  }
  if (orders !== 2) throw new Error(`the revenue report shows ${orders} of the 2 orders after 60 s`)
  return { channel, segment, essential, select, rule, experiment }
}

describe("tier analytics", () => {
  const session = adminSession("tier-analytics")
  const { check, shot } = session
  let page: Page
  let admin: AdminApi
  let fixtures: Awaited<ReturnType<typeof analyticsFixtures>>
  const section = (name: string) => page.getByTestId(`${name}-section`)
  /** The texts of the cells with these test ids inside a row. */
  const texts = async (row: Locator, ids: string[]) => {
    await visible(row, "a report row")
    return Object.fromEntries(await Promise.all(ids.map(async (id) => [id, (await row.getByTestId(id).innerText()).trim()])))
  }
  const show = (name: string) => section(name).scrollIntoViewIfNeeded()
  const tickFill = () =>
    page
      .getByTestId("funnel-chart")
      .locator(".recharts-cartesian-axis-tick-value")
      .first()
      .evaluate((el) => getComputedStyle(el).fill)
  /** The row's cells once the page shows them: a report refetched for a new filter first shows the last one's numbers. */
  const expectTexts = async (row: Locator, expected: Record<string, string>, what: string) => {
    let actual = await texts(row, Object.keys(expected))
    for (const deadline = Date.now() + WAIT; !same(actual, expected) && Date.now() < deadline; ) {
      await page.waitForTimeout(250)
      actual = await texts(row, Object.keys(expected))
    }
    assert(same(actual, expected), `${what}: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(actual)}`)
  }
  const funnelCells = (counts: string[], rates: string[], overall: string) => ({
    ...Object.fromEntries(["segment_selected", "tier_viewed", "tier_compared", "checkout_started", "order"].map((s, i) => [`funnel-${s}`, counts[i]])),
    ...Object.fromEntries(["tier_viewed", "tier_compared", "checkout_started", "order"].map((s, i) => [`funnel-rate-${s}`, rates[i]])),
    "funnel-overall": overall,
  })
  const download = async (report: string) => {
    const [file] = await Promise.all([page.waitForEvent("download"), section(report).getByTestId(`export-${report}`).click()])
    const failure = await file.failure()
    assert(!failure, `the ${report} CSV download failed: ${failure}`)
    return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), "utf8") }
  }

  beforeAll(() => {
    page = session.page
    admin = adminApi(session.token)
  })

  check("the storefront's events, an offer taken and declined, and two orders reach the reports", async () => {
    fixtures = await analyticsFixtures(admin)
    // Charts draw at once (Recharts skips its animation), so screenshots show the final bars.
    await page.emulateMedia({ reducedMotion: "reduce" })
  })

  check("the sidebar links to the Tier analytics page: the funnel's counts and step rates, by hand", async () => {
    await page.goto(`${base}/app`)
    await fromSidebar(page, "Tier analytics")
    await visible(page.getByRole("heading", { name: "Tier analytics", level: 1 }), "the Tier analytics heading")
    const today = new Date().toISOString().slice(0, 10)
    const monthAgo = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)
    assert((await page.getByLabel("From", { exact: true }).inputValue()) === monthAgo, "From defaults to 29 days ago")
    assert((await page.getByLabel("To", { exact: true }).inputValue()) === today, "To defaults to today")
    await visible(page.getByTestId("analytics-tenant").getByText("All tenants"), "All tenants by default")
    // 4 selected; 3 viewed (75%); 2 compared (66.7%); 2 at checkout (100%); 2 orders (100%); 2 of 4 overall.
    await expectTexts(page.getByTestId(`funnel-row-${handle}`), funnelCells(["4", "3", "2", "2", "2"], ["75%", "66.7%", "100%", "100%"], "50%"), "the segment's funnel")
    const chart = page.getByTestId("funnel-chart")
    assert((await chart.locator(".recharts-bar-rectangle").count()) >= 5, "the funnel chart draws a bar per step")
    // The session asks for reduced motion (as an admin may): bars stand at their height at once, so screenshots show them whole.
    const bar = chart.locator(".recharts-bar-rectangle path").first()
    const [drawn, later] = [await bar.boundingBox(), await page.waitForTimeout(700).then(() => bar.boundingBox())]
    assert(!!drawn && drawn.height > 0 && drawn.height === later?.height, "with reduced motion the first bar is drawn at its height, not grown in")
    await visible(chart.getByText(ANALYTICS.segment.name), "the segment in the chart's legend")
  })

  check("the tenant picker narrows every report to the tenant: its funnel total is the segment's", async () => {
    await choose(page, "analytics-tenant", ANALYTICS.tenant)
    await expectTexts(page.getByTestId("funnel-row-all"), funnelCells(["4", "3", "2", "2", "2"], ["75%", "66.7%", "100%", "100%"], "50%"), "the tenant's funnel total")
    assert((await section("funnel").locator("tbody tr").count()) === 2, "the tenant's funnel: its segment and the total")
  })

  check("revenue and commission by segment and tier at the segment's 10%", async () => {
    const revenue = section("revenue")
    await show("revenue")
    // $7,500 + $5,000 in two orders; 10% commission: $750 + $500.
    await expectTexts(
      revenue.getByTestId(`revenue-segment-${fixtures.segment.id}`),
      {
        "revenue-orders": "2",
        "revenue-packages": "$12,500.00",
        "revenue-addons": "$0.00",
        "revenue-total": "$12,500.00",
        "revenue-commission": "$1,250.00",
      },
      "the segment's revenue"
    )
    await expectTexts(revenue.getByTestId(`revenue-tier-${fixtures.select.id}`), { "revenue-orders": "1", "revenue-total": "$7,500.00", "revenue-commission": "$750.00" }, "Select's revenue")
    await expectTexts(revenue.getByTestId(`revenue-tier-${fixtures.essential.id}`), { "revenue-orders": "1", "revenue-total": "$5,000.00", "revenue-commission": "$500.00" }, "Essential's revenue")
    const rows = await revenue.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-testid")))
    assert(same(rows, [`revenue-segment-${fixtures.segment.id}`, `revenue-tier-${fixtures.select.id}`, `revenue-tier-${fixtures.essential.id}`]), `segment first, then tiers by revenue: ${rows}`)
    assert((await revenue.getByTestId("revenue-chart-usd").locator(".recharts-line-curve").count()) === 1, "one revenue line for the one segment")
    await choose(page, "revenue-interval", "Per month")
    await visible(revenue.getByText("Revenue per month (USD)"), "the monthly chart's title")
    await expectTexts(revenue.getByTestId(`revenue-segment-${fixtures.segment.id}`), { "revenue-total": "$12,500.00" }, "the same totals per month")
  })

  check("tier popularity: orders and views per tier", async () => {
    const tiers = section("tiers")
    await show("tiers")
    // Essential viewed by a2 (twice) and a3; Select by a1 and a3; one order each.
    await expectTexts(
      tiers.getByTestId(`tier-row-${fixtures.essential.id}`),
      {
        "tier-views": "2",
        "tier-orders": "1",
        "tier-order-rate": "50%",
        "tier-revenue": "$5,000.00",
        "tier-commission": "$500.00",
      },
      "Essential"
    )
    await expectTexts(
      tiers.getByTestId(`tier-row-${fixtures.select.id}`),
      {
        "tier-views": "2",
        "tier-orders": "1",
        "tier-revenue": "$7,500.00",
        "tier-commission": "$750.00",
      },
      "Select"
    )
    assert((await tiers.getByTestId("tiers-chart").locator(".recharts-bar-rectangle").count()) === 4, "orders and views bars for two tiers")
  })

  check("upsell: the rule's offers shown, accepted and declined, its rate and the order it won", async () => {
    await show("upsell")
    await expectTexts(
      section("upsell").getByTestId(`upsell-row-${fixtures.rule.id}`),
      {
        "upsell-shown": "2",
        "upsell-accepted": "1",
        "upsell-declined": "1",
        "upsell-rate": "50%",
        "upsell-orders": "1",
        "upsell-revenue": "$5,000.00",
      },
      "the analytics rule"
    )
  })

  check("experiments: the verdict in words, the split check, each variant's visitors and conversions as the API counts them, and not enough data to compare", async () => {
    const { experiments } = await admin.get(`/admin/tier-analytics/experiments?sales_channel_id=${fixtures.channel.id}`)
    const result = experiments.find((e: any) => e.key === ANALYTICS.experiment.key)
    assert(result, "the experiment in the API's report")
    const sum = (key: string) => result.variants.reduce((n: number, v: any) => n + v[key], 0)
    assert(sum("visitors") === 2 && sum("conversions") === 1, `a2 and a3 saw offers, a2 ordered: ${JSON.stringify(result.variants)}`)
    const verdict = "Not enough data yet: each variant needs 100 visitors and 10 orders; keep it running: results stay valid however often you look."
    assert(result.verdict === verdict, `the API's verdict: ${result.verdict}`)
    assert(result.srm.p_value === null && result.srm.flagged === false, `two visitors are too few to check the split: ${JSON.stringify(result.srm)}`)
    const block = page.getByTestId(`experiment-${ANALYTICS.experiment.key}`)
    await block.scrollIntoViewIfNeeded()
    await expectTexts(block, { "experiment-verdict": verdict, "experiment-srm": "Too few visitors to check the split" }, "the experiment's verdict and split check")
    for (const [i, v] of result.variants.entries()) {
      await expectTexts(
        block.getByTestId(`variant-row-${v.key}`),
        {
          "variant-visitors": String(v.visitors),
          "variant-conversions": String(v.conversions),
          "variant-share": `${v.visitors * 50}% (50%)`,
          "variant-verdict": i === 0 ? "Control" : "Not enough data",
          "variant-interval": "—",
          "variant-revenue-difference": "—",
        },
        `variant ${v.key}`
      )
    }
    await block.screenshot({ path: shot("tier-analytics-experiment-verdict") })
  })

  check("exports the tier popularity and the funnel as the API's CSV files", async () => {
    const today = new Date().toISOString().slice(0, 10)
    const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)
    const tiers = await download("tiers")
    assert(tiers.name === `tiers-${from}-${today}.csv`, `file name ${tiers.name}`)
    const name = ANALYTICS.segment.name
    assert(
      same(tiers.text.split("\r\n"), [
        "tier_id,tier_name,level,segment_name,views,orders,revenue,addon_revenue,commission,currency_code",
        `${fixtures.essential.id},Essential,1,${name},2,1,5000,0,500,usd`,
        `${fixtures.select.id},Select,2,${name},2,1,7500,0,750,usd`,
        "",
      ]),
      `tiers CSV: ${JSON.stringify(tiers.text)}`
    )
    const funnel = await download("funnel")
    assert(
      same(funnel.text.split("\r\n"), ["segment,segment_selected,tier_viewed,tier_compared,checkout_started,order", `${handle},4,3,2,2,2`, "all,4,3,2,2,2", ""]),
      `funnel CSV: ${JSON.stringify(funnel.text)}`
    )
  })

  check("the date range filters the reports and a backwards range is refused on the page", async () => {
    const year = NEXT_YEAR - 3
    await page.getByLabel("From", { exact: true }).fill(`${year}-01-01`)
    await page.getByLabel("To", { exact: true }).fill(`${year}-01-31`)
    await visible(section("funnel").getByText("No funnel events or orders in this range."), "the funnel's empty state")
    await visible(section("revenue").getByText("No orders in this range."), "the revenue's empty state")
    await visible(section("tiers").getByText("No tier was viewed or ordered in this range."), "the tiers' empty state")
    await page.getByLabel("From", { exact: true }).fill(`${year}-02-05`)
    await visible(page.getByTestId("range-problem").getByText("From must be on or before To."), "the range refused")
    assert(await section("funnel").getByTestId("export-funnel").isDisabled(), "no export of a backwards range")
    await page.reload()
    await visible(page.getByTestId(`funnel-row-${handle}`), "the segment again in the default range")
  })

  check("in the dark theme the charts take the dashboard's dark colours", async () => {
    const light = await tickFill()
    // The dashboard follows the system theme when it starts.
    await page.emulateMedia({ colorScheme: "dark" })
    await page.reload()
    await visible(page.getByTestId(`funnel-row-${handle}`), "the page in the dark theme")
    assert(await page.evaluate(() => document.documentElement.classList.contains("dark")), "the dashboard in its dark theme")
    const dark = await tickFill()
    assert(light !== dark, `axis labels should change colour with the theme (light ${light}, dark ${dark})`)
    for (const name of ["funnel", "revenue", "tiers", "upsell", "experiments"]) {
      await section(name).screenshot({ path: shot(`tier-analytics-dark-${name}`) })
    }
    await page.emulateMedia({ colorScheme: "light" })
  })
})
