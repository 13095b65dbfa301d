// The storefront journey on a desktop (1366 x 900): collections, the Signature comparison priced
// for a date, add-ons with the bundle incentive, the date picker's statuses and keyboard, the
// details form, the upgrade offer accepted, the booking read back from the store, and the balance
// paid on the page a payment link opens.
import assert from "node:assert/strict"
import { same, visible } from "../checks"
import {
  DEMO,
  RUN,
  addDays,
  app,
  bookedOrder,
  cents,
  confirmation,
  contrast,
  crossesAbove,
  datePrice,
  day,
  dbRows,
  demoComparison,
  demoDeposit,
  demoGains,
  expectCartVisitor,
  expectFunnel,
  expectSignedVisitor,
  fillDetails,
  findDate,
  journeySession,
  longDate,
  expectDepositAtCheckout,
  expectDepositConfirmed,
  openMonth,
  readComparison,
  textOf,
  today,
  usd,
  segmentPicturesLoaded,
  pictureLoaded,
  store,
} from "./journey"
import { DEMO_ADDONS, DEMO_DEPOSITS } from "../../src/scripts/demo-data"

describe("storefront on a desktop", () => {
  const session = journeySession("desktop", { viewport: { width: 1366, height: 900 } })
  const { check, shot } = session
  const who = { email: `desktop-${RUN}@example.com`, first_name: "Ada", last_name: "Lovelace" }
  const state = {} as { date: string; tier: number; addons: number; total: number; displayId: number; visitor: string }
  const column = (level: number) => session.page.getByTestId(`tier-${level}`)

  check("shows the three collections with name, audience, price range and image", async () => {
    const { page } = session
    await page.goto(app.storefront, { waitUntil: "domcontentloaded" })
    await visible(page.getByRole("heading", { name: "Choose your collection" }), "the collections", 60_000)
    const expected = [
      ["essential", "Essential", "$2,000 – $5,000", "Cost-conscious couples planning an intimate day"],
      ["signature", "Signature", "$5,000 – $10,000", "Couples who want the full day covered without compromise"],
      ["luxury", "Luxury", "$10,000+", "Couples planning a large or destination celebration"],
    ]
    assert((await page.locator(".segment-card").count()) === 3, "three collection cards")
    for (const [handle, name, range, audience] of expected) {
      const card = page.getByTestId(`segment-${handle}`)
      assert((await textOf(card.getByRole("heading", { level: 3 }))) === name, `${handle}: name`)
      assert((await textOf(card.locator(".segment-range"))).endsWith(range), `${handle}: range ${await textOf(card.locator(".segment-range"))}`)
      assert((await textOf(card.locator(".segment-audience"))) === audience, `${handle}: audience`)
    }
    await segmentPicturesLoaded(page)
    for (const [what, locator] of [
      ["body text", page.locator(".segment-audience").first()],
      ["muted text", page.locator(".segment-card .muted").first()],
      ["primary buttons", page.getByRole("button", { name: "Compare Signature packages" })],
    ] as const) {
      const ratio = await contrast(locator)
      assert(ratio >= 4.5, `${what} contrast is ${ratio.toFixed(2)}:1, under 4.5:1`)
    }
  })

  check("compares the three Signature packages: the popular badge, base prices", async () => {
    const { page } = session
    await page.getByRole("button", { name: "Compare Signature packages" }).click()
    await visible(page.getByRole("heading", { name: "Compare Signature packages" }), "the comparison")
    assert(await page.evaluate(() => document.activeElement?.id === "step-tier"), "focus should move to the step's heading")
    const names = []
    for (const level of [1, 2, 3]) names.push(await textOf(column(level).getByRole("heading", { level: 3 })))
    assert(names.join() === "Essential,Select,Complete", `columns: ${names}`)
    assert((await page.locator(".tier-column .badge").count()) === 1 && (await column(2).locator(".badge").count()) === 1, "only Select carries the popular badge")
    const prices = []
    for (const level of [1, 2, 3]) prices.push(await textOf(column(level).getByTestId("price-final")))
    assert(prices.join(" ") === "$5,000.00 $7,500.00 $10,000.00", `base prices: ${prices}`)
  })

  check("the comparison: grouped rows with each package's value, a + where a package offers more, never a — above a package that offers the row", async () => {
    const { page } = session
    const table = page.getByRole("table", { name: "What each package includes" })
    await visible(table, "the comparison table")
    const read = await readComparison(page)
    assert(read.columns.join() === "Essential,Select,Complete", `columns: ${read.columns}`)
    assert(["Coverage", "Deliverables", "Team"].every((g) => read.groups.includes(g)), `group headings: ${read.groups}`)
    const coverage = read.rows.find((r) => r.key === "coverage")
    assert(coverage && coverage.label === "Coverage", "a Coverage row")
    assert(coverage.cells.map((c) => c.shows).join(" / ") === "8 h / 10 h / 12 h", `coverage: ${JSON.stringify(coverage.cells)}`)
    assert(coverage.cells.map((c) => c.more).join() === "false,true,true", "Select and Complete marked as offering more coverage")
    assert(same(read, demoComparison("signature")), `the table should be the demo's rows: ${JSON.stringify(read)}`)
    assert(crossesAbove(read).length === 0, `a — above a package that offers the row: ${crossesAbove(read)}`)
    assert(!(await textOf(table)).includes("✕"), "no cross anywhere")
    // The mark is not colour alone: the cell says it to a screen reader too.
    const more = await textOf(table.locator('tr[data-row="coverage"] td[data-tier="2"]'))
    assert(more === "10 h+, more than Essential", `Select's coverage cell reads: ${more}`)
    const missing = await textOf(table.locator('tr[data-row="second-shooter"] td[data-tier="1"]'))
    assert(missing === "—Not included", `Essential's second shooter reads: ${missing}`)
    for (const header of ["Essential", "Select", "Complete"]) await visible(table.getByRole("columnheader", { name: header }), `${header}'s column header`)
    await visible(table.getByRole("rowheader", { name: "Coverage" }).first(), "the Coverage row header")
    await table.scrollIntoViewIfNeeded()
    await page.getByTestId("comparison").screenshot({ path: shot("comparison") })
  })

  check("prices the packages for a date: the peak-season breakdown, and the price struck through under a last-minute discount", async () => {
    const { page } = session
    const peak = `${Number(today().slice(0, 4)) + 1}-07-17`
    await page.getByLabel("Your event date, for its price").fill(peak)
    await visible(column(2).getByText("for your date"), "prices for the date")
    await page.waitForFunction(() => document.querySelector('[data-testid="tier-2"] [data-testid="price-final"]')?.textContent === "$9,000.00")
    const breakdown = await textOf(column(2).locator(".breakdown"))
    assert(breakdown.includes("Base price $7,500.00") && breakdown.includes("Peak season (+20%) +$1,500.00"), `breakdown: ${breakdown}`)

    const soon = addDays(today(), 20)
    await page.getByLabel("Your event date, for its price").fill(soon)
    const final = usd(cents(datePrice(5000, soon)))
    await page.waitForFunction((want) => document.querySelector('[data-testid="tier-1"] [data-testid="price-final"]')?.textContent?.endsWith(want), final)
    const was = usd(cents(datePrice(5000, soon) / (1 + DEMO.lastMinutePercent / 100)))
    assert((await textOf(column(1).getByTestId("price-was"))) === `Was ${was}`, `struck-through price should be ${was}`)

    state.date = (await findDate(session.tiers.signature.Essential.id, "available", { minDays: 45 })).date
    await page.getByLabel("Your event date, for its price").fill(state.date)
    await page.waitForFunction(
      (want) => document.querySelector('[data-testid="tier-1"] [data-testid="price-final"]')?.textContent?.endsWith(want),
      usd(cents(datePrice(5000, state.date)))
    )
  })

  check("takes add-ons with quantities and shows the bundle incentive from three", async () => {
    const { page } = session
    await page.getByRole("button", { name: "Choose Essential" }).click()
    await visible(page.getByRole("heading", { name: "Add to Essential" }), "the add-ons")
    // Each add-on the photography studio offers Signature shows the demo's own picture, offline.
    const offered = DEMO_ADDONS.filter((a) => a.tenants.includes("photography") && (!a.segments || a.segments.includes("signature")))
    const titles = await page.locator(".addon h3").allTextContents()
    assert(same([...titles].sort(), offered.map((a) => a.title).sort()), `the add-ons offered: ${titles}`)
    for (const title of titles) {
      await pictureLoaded(page.locator(".addon", { has: page.getByRole("heading", { name: title, exact: true }) }).locator(".addon-image img"), title)
    }
    await page.getByRole("heading", { name: "Add to Essential" }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: shot("addon-pictures") })
    const notice = page.getByTestId("bundle-notice")
    assert((await textOf(notice)).includes("10% off each add-on when you choose 3 or more"), "the bundle's terms")
    await page.getByRole("button", { name: "One more Extra hour of coverage" }).click()
    await page.getByRole("button", { name: "One more Extra hour of coverage" }).click()
    assert((await page.getByLabel("Quantity of Extra hour of coverage").inputValue()) === "2", "two extra hours")
    await visible(notice.getByText("Add 1 more to save 10% on each add-on."), "one more to go")
    await page.getByRole("button", { name: "One more Second shooter" }).click()
    await visible(notice.getByText("Bundle applied: 10% off each of your add-ons."), "the bundle applied")
    assert(
      (await page.getByRole("button", { name: "One more Photo booth" }).isEnabled()) && (await page.getByRole("button", { name: "One more Second shooter" }).isDisabled()),
      "Second shooter is one at most"
    )
  })

  check("shows each date's status and refuses a blacked-out and a sold-out date; scarcity on a limited date; keyboard choice", async () => {
    const { page } = session
    await page.getByRole("button", { name: "Continue to your date" }).click()
    await visible(page.getByRole("heading", { name: "Choose your date" }), "the date picker")
    const tierId = session.tiers.signature.Essential.id
    for (const [status, label] of [
      ["blackout", "Blackout"],
      ["sold_out", "Sold out"],
    ]) {
      const found = await findDate(tierId, status)
      await openMonth(page, found.date)
      const aria = await day(page, found.date).getAttribute("aria-label")
      assert(aria?.startsWith(`${longDate(found.date)}: ${label}`), `${found.date}: ${aria}`)
      // Marked aria-disabled, the date still takes a click or Enter, and says why it cannot be chosen.
      if (status === "blackout") await day(page, found.date).click({ force: true })
      else await day(page, found.date).press("Enter")
      await visible(page.locator(".refusal").getByText(`${longDate(found.date)} cannot be booked`), `the refusal of the ${status} date`)
      const chosen = await textOf(page.getByTestId("selected-date"))
      assert((await day(page, found.date).getAttribute("aria-pressed")) === "false" && !chosen.includes(longDate(found.date)), `a ${status} date cannot be chosen`)
    }
    const limited = await findDate(tierId, "limited")
    await openMonth(page, limited.date)
    assert((await textOf(day(page, limited.date))).includes(`${limited.remaining} left`), "limited dates say what is left")
    await day(page, limited.date).click()
    await visible(page.getByText(`High demand: only ${limited.remaining} booking`), "the scarcity message")

    // The journey's date, with the keyboard: arrows move between dates, Enter chooses.
    await openMonth(page, state.date)
    await day(page, state.date).focus()
    await page.keyboard.press("ArrowRight")
    await page.keyboard.press("ArrowLeft")
    assert(await page.evaluate((d) => document.activeElement?.getAttribute("data-date") === d, state.date), "arrows move the focus between dates")
    await page.keyboard.press("Enter")
    assert((await day(page, state.date).getAttribute("aria-pressed")) === "true", "Enter chooses the focused date")
    const chosen = await textOf(page.getByTestId("selected-date"))
    assert(chosen.includes(longDate(state.date)) && chosen.includes(usd(cents(datePrice(5000, state.date)))), `the chosen date and its price: ${chosen}`)
  })

  check("reserves the date, and the details form names what is missing", async () => {
    const { page } = session
    await page.getByRole("button", { name: "Continue to your details" }).click()
    await visible(page.getByRole("heading", { name: "Your details" }), "the details form")
    await page.getByRole("button", { name: "Continue to checkout" }).click()
    await visible(page.getByText("Enter an email address like name@example.com."), "the email error")
    assert((await page.getByLabel("Email").getAttribute("aria-invalid")) === "true", "the email field is marked invalid")
    assert(await page.evaluate(() => document.activeElement?.id === "contact-email"), "focus goes to the first field to fix")
    await fillDetails(page, who)
  })

  check("offers the upgrade in a modal dialog that keeps the focus; accepting it upgrades the package at the offer's price", async () => {
    const { page } = session
    const dialog = page.getByRole("dialog")
    await visible(dialog, "the upsell dialog")
    assert((await dialog.getAttribute("aria-modal")) === "true", "the dialog is modal")
    const inside = () => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))
    assert(await inside(), "focus starts in the dialog")
    for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
      await page.keyboard.press(key)
      assert(await inside(), `focus stays in the dialog after ${key}`)
    }
    const f = datePrice(1, state.date)
    const price = await textOf(dialog.getByTestId("upsell-price"))
    const was = `+${usd(cents(2500 * f))}`
    const now = `+${usd(cents(7500 * f * (1 + DEMO.upgradeIncentive / 100)) - cents(5000 * f))}`
    assert(price === `Was ${was} Now ${now} to your package`, `the offer's price: ${price}`)
    const gains = await dialog.getByTestId("upsell-gains").locator(".gain").allTextContents()
    const expected = demoGains("signature", "Essential", "Select")
    assert(expected.includes("Coverage: 8 h → 10 h") && same(gains.map((g) => g.replace(/\s+/g, " ").trim()), expected), `what Select adds: ${gains}`)
    await page.screenshot({ path: shot("upsell-dialog") })
    await dialog.getByRole("button", { name: "Upgrade to Select" }).click()
    await visible(page.getByRole("heading", { name: "Review and book" }), "the checkout")
    await visible(page.getByText("Upgraded to Signature Select."), "the upgrade notice")
    const line = page.getByTestId("cart-tier-line")
    assert((await textOf(line.getByRole("heading"))) === "Signature Select", "the cart holds Select")
    state.tier = cents(7500 * f * (1 + DEMO.upgradeIncentive / 100))
    state.addons = 2 * cents(400 * (1 + DEMO.bundlePercent / 100)) + cents(800 * (1 + DEMO.bundlePercent / 100))
    state.total = cents(state.tier + state.addons)
    assert((await textOf(line.locator(".price-amounts").first())) === `Was ${usd(cents(7500 * f))} Now ${usd(state.tier)}`, "Select's price struck through before the offer")
    assert((await textOf(page.getByTestId("cart-total"))) === usd(state.total), `total ${usd(state.total)}`)
  })

  check("books with the store's payment provider and confirms the booking", async () => {
    const { page } = session
    assert(await page.getByLabel("Pay the studio directly (no card needed now)").isChecked(), "the system provider is offered and chosen")
    // The studio takes a deposit: the review and the button say what is charged today.
    await (await expectDepositAtCheckout(page, state)).click()
    Object.assign(state, await confirmation(page, { date: state.date, tier: "Signature Select", total: state.total }))
    await expectDepositConfirmed(page, state)
  })

  check("the store holds the order (tier, date, total), the accepted offer and the visitor's funnel", async () => {
    const { order, tierLine } = await bookedOrder(state.displayId)
    assert(order.email === who.email && order.total === state.total, `order ${order.display_id}: ${order.email} ${order.total}`)
    assert(tierLine.metadata.tier_id === session.tiers.signature.Select.id && tierLine.metadata.event_date === state.date, "the order books Select on the date")
    assert(tierLine.unit_price === state.tier && tierLine.metadata.upsell_offer_id, `Select at ${state.tier} with the offer`)
    const offers = await dbRows("SELECT id, action, status, redeemed_by FROM upsell_offer WHERE visitor_id = $1 AND status <> 'shown'", [state.visitor])
    assert(
      offers.length === 1 && offers[0].action === "suggest_upgrade" && offers[0].status === "accepted" && offers[0].id === tierLine.metadata.upsell_offer_id,
      `decided offers: ${JSON.stringify(offers)}`
    )
    await expectFunnel(state.visitor, ["page_load", "segment_selected", "tier_compared", "tier_viewed", "upsell_shown", "upsell_accepted", "checkout_started"])
    await expectSignedVisitor(state.visitor)
    await expectCartVisitor(who.email, state.visitor)
  })
  check("the page a payment link opens shows what the order owes and pays the balance", async () => {
    const { page } = session
    const { order } = await bookedOrder(state.displayId)
    const deposit = demoDeposit(state.total)
    const balance = cents(state.total - deposit)
    await page.goto(new URL(`?pay=${order.id}`, app.storefront).href, { waitUntil: "domcontentloaded" })
    await visible(page.getByTestId("pay-balance-plan"), "the order's plan", 60_000)
    const due = longDate(addDays(state.date, -DEMO_DEPOSITS.photography!.balance_due_days))
    const shown = {
      total: await textOf(page.getByTestId("pay-total")),
      paid: await textOf(page.getByTestId("pay-paid")),
      balance: await textOf(page.getByTestId("pay-balance")),
      due: await textOf(page.getByTestId("pay-due-date")),
      status: await textOf(page.getByTestId("pay-status")),
    }
    assert(same(shown, { total: usd(state.total), paid: usd(deposit), balance: usd(balance), due, status: "Balance due" }), `the plan: ${JSON.stringify(shown)}`)
    await page.screenshot({ path: shot("pay-balance") })
    await page.locator("#pay-provider-pp_system_default").check()
    await page.getByRole("button", { name: `Pay ${usd(balance)}` }).click()
    await visible(page.getByTestId("pay-status").getByText("Paid in full"), "paid in full")
    assert((await textOf(page.getByTestId("pay-balance"))) === usd(0), "nothing left to pay")
    assert((await page.getByTestId("pay-balance-button").count()) === 0, "no pay button once paid")
    const { payment_plan } = await store(`/store/orders/${order.id}/payment-plan`)
    assert(payment_plan.status === "paid" && payment_plan.paid === state.total && payment_plan.balance === 0, `the store's plan: ${JSON.stringify(payment_plan)}`)
  })
})
