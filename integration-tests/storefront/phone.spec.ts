// The storefront journey on a phone (Pixel 7): one column, the comparison offer declined, a date
// taken by someone else before paying refused clearly, another date booked, and the store's record.
import assert from "node:assert/strict"
import { devices } from "playwright-core"
import { same, visible } from "../checks"
import {
  RUN,
  app,
  bookedOrder,
  cents,
  confirmation,
  datePrice,
  expectDepositAtCheckout,
  day,
  dbRows,
  demoComparison,
  expectCartVisitor,
  expectFunnel,
  fillDetails,
  findDate,
  journeySession,
  longDate,
  openMonth,
  readComparison,
  takeDate,
  lapseHolds,
  textOf,
  usd,
  segmentPicturesLoaded,
} from "./journey"

describe("storefront on a phone", () => {
  const session = journeySession("phone", { ...devices["Pixel 7"] })
  const { check, shot } = session
  const who = { email: `phone-${RUN}@example.com`, first_name: "Grace", last_name: "Hopper" }
  const state = {} as { date: string; total: number; displayId: number; visitor: string }

  check("phone: the collections stack in one column and nothing scrolls sideways", async () => {
    const { page } = session
    await page.goto(app.storefront, { waitUntil: "domcontentloaded" })
    await visible(page.getByRole("heading", { name: "Choose your collection" }), "the collections", 60_000)
    const boxes = await Promise.all(["essential", "signature", "luxury"].map((h) => page.getByTestId(`segment-${h}`).boundingBox()))
    const [first, second, third] = boxes
    assert(first && second && third && boxes.every((b) => b && Math.abs(b.x - first.x) < 1) && first.y < second.y && second.y < third.y, "one card under the other")
    assert(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scrolling")
    await segmentPicturesLoaded(page)
  })

  check("phone: the comparison shows one package at a time with its rows, switched with the buttons above it, and nothing scrolls sideways", async () => {
    const { page } = session
    await page.getByRole("button", { name: "Compare Essential packages" }).click()
    await visible(page.getByRole("heading", { name: "Compare Essential packages" }), "the comparison")
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
    assert(await fits(), "the comparison fits the phone")
    const expected = demoComparison("essential")
    const switcher = page.getByRole("group", { name: "Show the package" })
    await visible(switcher, "the package switch")
    const pressed = async () => (await switcher.locator('button[aria-pressed="true"]').allTextContents()).join()
    assert((await pressed()) === "Classic", `the popular package shows first, not ${await pressed()}`)
    // Each package in turn: only its column, every row with its value and its "+" marks.
    for (const [index, name] of ["Classic", "Plus", "Starter"].map((n) => [expected.columns.indexOf(n), n] as const)) {
      await switcher.getByRole("button", { name, exact: true }).click()
      assert((await pressed()) === name, `${name} pressed`)
      const read = await readComparison(page)
      assert(read.columns.join() === name, `only ${name}'s column: ${read.columns}`)
      assert(same(read.groups, expected.groups) && ["Coverage", "Deliverables", "Team"].every((g) => read.groups.includes(g)), `group headings: ${read.groups}`)
      const want = expected.rows.map((row) => ({ ...row, cells: [row.cells[index]] }))
      assert(same(read.rows, want), `${name}'s rows: ${JSON.stringify(read.rows)}`)
      assert(await fits(), `${name}: nothing scrolls sideways`)
    }
    const coverage = expected.rows.find((r) => r.key === "coverage")!
    assert(coverage.cells.map((c) => `${c.shows}${c.more ? "+" : ""}`).join(" / ") === "4 h / 6 h+ / 8 h+", `the demo's coverage: ${JSON.stringify(coverage.cells)}`)
    await switcher.getByRole("button", { name: "Plus", exact: true }).click()
    const plus = await textOf(page.locator('tr[data-row="coverage"] td[data-tier="3"]'))
    assert(plus === "8 h+, more than Classic", `Plus's coverage reads: ${plus}`)
    const legend = await textOf(page.locator(".comparison-legend"))
    assert(legend === "+ more than the package before it (Classic)", `the legend names the package before: ${legend}`)
    // At 390 px wide as well.
    const viewport = page.viewportSize()!
    await page.setViewportSize({ width: 390, height: viewport.height })
    assert(await fits(), "at 390 px nothing scrolls sideways")
    const table = page.getByRole("table", { name: "What each package includes" })
    const box = await table.boundingBox()
    assert(box && box.x >= 0 && box.x + box.width <= 390, `the table fits 390 px: ${JSON.stringify(box)}`)
    await page.getByTestId("comparison").screenshot({ path: shot("comparison-390px") })
    await page.setViewportSize(viewport)
  })

  check("phone: Essential Starter on a date, and the offer declined", async () => {
    const { page } = session
    await page.getByRole("button", { name: "Choose Starter" }).click()
    await page.getByRole("button", { name: "Continue to your date" }).click()
    await visible(page.getByRole("heading", { name: "Choose your date" }), "the date picker")
    assert(await page.getByRole("button", { name: "Continue to your details" }).isDisabled(), "no date chosen yet: nothing to continue with")
    state.date = (await findDate(session.tiers.essential.Starter.id, "available", { minDays: 45 })).date
    await openMonth(page, state.date)
    await day(page, state.date).click()
    await page.getByRole("button", { name: "Continue to your details" }).click()
    await visible(page.getByRole("heading", { name: "Your details" }), "the details form")
    await fillDetails(page, who)
    const dialog = page.getByRole("dialog")
    await visible(dialog.getByRole("button", { name: "Upgrade to Classic" }), "the comparison offer")
    const box = await dialog.boundingBox()
    const viewport = page.viewportSize()
    assert(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height + 1 && box.width <= viewport.width, "the dialog fits the screen")
    await visible(dialog.getByRole("button", { name: "No thanks" }), "the decline button")
    // Escape declines, as No thanks does.
    await page.keyboard.press("Escape")
    await visible(page.getByRole("heading", { name: "Review and book" }), "the checkout after Escape declined")
    state.total = cents(datePrice(2000, state.date))
    assert((await textOf(page.getByTestId("cart-total"))) === usd(state.total), `total ${usd(state.total)}`)
  })

  check("phone: a date taken by someone else before paying is refused clearly; another date books", async () => {
    const { page } = session
    // The cart holds its date, and says until when; only once that hold lapses can another couple take it.
    await visible(page.getByTestId("hold-note").filter({ hasText: /^Date held for you until / }), "the hold's note")
    assert.equal(await lapseHolds(state.date), 1, "the couple's hold on the date")
    await takeDate(session.tiers.essential.Classic.id, state.date)
    await page.getByRole("button", { name: /Pay and book/ }).click()
    const alert = page.getByRole("alert")
    await visible(alert, "the refusal")
    const message = await textOf(alert)
    assert(
      message.includes(`${state.date} is no longer available for Essential Starter (sold out)`) && message.includes("Someone else booked this date"),
      `the refusal says why: ${message}`
    )
    await page.screenshot({ path: shot("date-taken"), fullPage: true })
    await alert.getByRole("button", { name: "Choose another date" }).click()
    await visible(page.getByRole("heading", { name: "Choose your date" }), "the date picker")
    await openMonth(page, state.date)
    assert((await day(page, state.date).getAttribute("aria-label")) === `${longDate(state.date)}: Sold out`, "the taken date now reads sold out")
    await day(page, state.date).click({ force: true })
    await visible(page.locator(".refusal").getByText("cannot be booked"), "the taken date refused")

    state.date = (await findDate(session.tiers.essential.Starter.id, "available", { minDays: 45 })).date
    await openMonth(page, state.date)
    await day(page, state.date).click()
    await page.getByRole("button", { name: "Continue to your details" }).click()
    await visible(page.getByRole("heading", { name: "Your details" }), "the details form")
    assert((await page.getByLabel("Email").inputValue()) === who.email, "the details are kept")
    // The same offer, declined today, is not asked again for the new cart (offers count once per visitor, rule and day).
    await page.getByRole("button", { name: "Continue to checkout" }).click()
    await visible(page.getByRole("heading", { name: "Review and book" }), "the checkout without the declined offer")
    assert((await page.getByRole("dialog").count()) === 0, "no offer dialog")
    state.total = cents(datePrice(2000, state.date))
    await (await expectDepositAtCheckout(page, state)).click()
    Object.assign(state, await confirmation(page, { date: state.date, tier: "Essential Starter", total: state.total }))
  })

  check("phone: the store holds the order, the declined offer (recorded once) and the funnel", async () => {
    const { order, tierLine } = await bookedOrder(state.displayId)
    assert(
      order.total === state.total && tierLine.metadata.tier_id === session.tiers.essential.Starter.id && tierLine.metadata.event_date === state.date,
      "Starter on the new date"
    )
    const offers = await dbRows("SELECT status FROM upsell_offer WHERE visitor_id = $1", [state.visitor])
    assert(offers.length === 1 && offers[0].status === "declined", `the visitor's offers: ${JSON.stringify(offers)}`)
    await expectFunnel(state.visitor, ["segment_selected", "tier_compared", "tier_viewed", "upsell_shown", "upsell_declined", "checkout_started"])
    await expectCartVisitor(who.email, state.visitor)
  })
})
