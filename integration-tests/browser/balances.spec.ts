// The order page's widget shows the payment schedule after a 30% deposit: Record offline payment
// refuses an amount above the balance with the server's reason, then records a cheque and the paid
// figure moves; Send payment link shows the pay page's address. The Balances page lists the
// tenant's due and overdue balances, filters by status, and exports the API's CSV. A plan of three
// payments lists each with its status, and a payment of the first marks it paid.
import assert from "node:assert/strict"
import fs from "node:fs"
import type { Locator, Page } from "playwright-core"
import { gone, same, visible } from "../checks"
import { adminApi, adminSession, base, checkout, choose, createTenant, dbQuery, productBody, runId, type AdminApi } from "./admin"

const RUN = runId()
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
const BAL = {
  tenant: `Balance studio ${RUN}`,
  region: `Balance region ${RUN}`,
  segment: { handle: `balance-${RUN}`, name: `Balance ${RUN}` },
  tier: `Balance Complete ${RUN}`,
  due: { event: day(420), due: day(390) },
  late: { event: day(400), due: day(-3) },
}

async function balanceFixtures(admin: AdminApi) {
  const { channel, store } = await createTenant(admin, BAL.tenant)
  const { region } = await admin.post("/admin/regions", { name: BAL.region, currency_code: "usd", countries: [], payment_providers: ["pp_system_default"] })
  const { segment } = await admin.post("/admin/segments", { ...BAL.segment, rank: 14 })
  const { product } = await admin.post("/admin/products", { ...productBody(BAL.tier, 10000), sales_channels: [{ id: channel.id }] })
  const { tier } = await admin.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: BAL.tier, product_id: product.id })
  await admin.post(`/admin/deposit-policies/${channel.id}`, { kind: "percent", value: 30, balance_due_days: 30 })
  const place = async (who: string, date: string) => {
    const { cart } = await store.post("/store/carts", { region_id: region.id, email: `${who}-${RUN}@example.com` })
    await store.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tier.id, event_date: date })
    return checkout(store, cart.id, who)
  }
  const order = await place("couple", BAL.due.event)
  const late = await place("late", BAL.late.event)
  // The late couple's due date has passed (as if the order were placed long ago).
  await dbQuery("update payment_plan set balance_due_date = $1 where order_id = $2", [BAL.late.due, late.id])
  return { channel, order, late, place }
}

describe("balances", () => {
  const session = adminSession("balances")
  const { check, shot } = session
  let page: Page
  let admin: AdminApi
  let schedule: Locator
  let drawer: Locator
  let fixtures: Awaited<ReturnType<typeof balanceFixtures>>
  const text = async (locator: Locator) => (await locator.innerText()).trim()

  beforeAll(async () => {
    page = session.page
    admin = adminApi(session.token)
    schedule = page.getByTestId("order-schedule")
    drawer = page.getByTestId("offline-payment-drawer")
  })

  check("the order page shows the schedule after a 30% deposit", async () => {
    fixtures = await balanceFixtures(admin)
    await page.goto(`${base}/app/orders/${fixtures.order.id}`)
    await visible(schedule, "the payment schedule", 60_000)
    await schedule.scrollIntoViewIfNeeded()
    assert((await text(schedule.getByTestId("order-schedule-total"))) === "$10,000.00", "the total")
    assert((await text(schedule.getByTestId("order-schedule-paid"))) === "$3,000.00", "the deposit paid")
    assert((await text(schedule.getByTestId("order-schedule-balance"))) === "$7,000.00", "the balance")
    assert((await text(schedule.getByTestId("order-schedule-status"))) === "Due", "the status")
  })

  check("Record offline payment refuses more than the balance, then records a cheque and the paid figure moves", async () => {
    await schedule.getByTestId("order-schedule-record").click()
    await visible(drawer, "the offline payment drawer")
    await drawer.getByLabel("Amount (USD)").fill("9000")
    await drawer.getByTestId("drawer-submit").click()
    await visible(drawer.getByTestId("form-error").getByText("9000 USD is more than the balance of 7000 USD", { exact: false }), "the server's refusal")
    const unchanged = (await admin.get(`/admin/orders/${fixtures.order.id}/payment-plan`)).schedule
    assert(unchanged.payment_plan.paid === 3000, `nothing recorded: ${JSON.stringify(unchanged.payment_plan)}`)

    await drawer.getByLabel("Amount (USD)").fill("2000")
    await choose(page, "offline-method", "Cheque")
    await drawer.getByLabel("Reference").fill(`CHQ-${RUN}`)
    await shot("offline-payment-drawer")
    await drawer.getByTestId("drawer-submit").click()
    await visible(page.getByText("Payment recorded"), "the recorded toast")
    await gone(drawer, "the offline payment drawer")
    await visible(schedule.getByTestId("order-schedule-paid").getByText("$5,000.00"), "the paid figure after the cheque")
    assert((await text(schedule.getByTestId("order-schedule-balance"))) === "$5,000.00", "the balance after the cheque")
    await visible(schedule.getByTestId("order-schedule-payments").getByText(`Offline · Cheque · CHQ-${RUN}`), "the cheque in the payments")
    const { schedule: stored } = await admin.get(`/admin/orders/${fixtures.order.id}/payment-plan`)
    assert(stored.payment_plan.paid === 5000 && stored.payment_plan.balance === 5000, `stored: ${JSON.stringify(stored.payment_plan)}`)
    const { order } = await admin.get(`/admin/orders/${fixtures.order.id}?fields=id,summary`)
    assert(Number(order.summary.paid_total) >= 2000, `Medusa's summary counts the cheque: ${JSON.stringify(order.summary)}`)
  })

  check("Send payment link shows the pay page's address for the order", async () => {
    await schedule.getByTestId("order-schedule-send-link").click()
    await visible(page.getByText("Payment link sent"), "the sent toast")
    const link = schedule.getByTestId("order-schedule-link")
    await visible(link, "the payment link")
    assert((await text(link)).endsWith(`/?pay=${fixtures.order.id}`), `the link: ${await text(link)}`)
    await shot("order-schedule")
  })

  check("the Balances page lists the tenant's overdue and due balances, earliest due first, and filters by status", async () => {
    await page.goto(`${base}/app/tiered/balances`)
    await visible(page.getByRole("heading", { name: "Balances", level: 1 }), "the Balances heading")
    await choose(page, "balances-tenant", BAL.tenant)
    const rows = page.getByTestId("balance-row")
    await visible(rows.nth(1), "two balance rows")
    const seen = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-order-id"), tr.getAttribute("data-status")]))
    assert(
      same(seen, [
        [fixtures.late.id, "overdue"],
        [fixtures.order.id, "due"],
      ]),
      `rows: ${JSON.stringify(seen)}`
    )
    assert((await text(rows.nth(0).getByTestId("balance-row-balance"))) === "$7,000.00", "the late balance")
    assert((await text(rows.nth(1).getByTestId("balance-row-balance"))) === "$5,000.00", "the balance after the cheque")
    await shot("balances")

    await choose(page, "balances-status", /^Overdue$/)
    await gone(page.locator(`[data-testid="balance-row"][data-order-id="${fixtures.order.id}"]`), "the due row under Overdue")
    const overdue = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-order-id")))
    assert(same(overdue, [fixtures.late.id]), `overdue rows: ${JSON.stringify(overdue)}`)
  })

  check("exports the filtered balances as the API's CSV", async () => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-balances").click()])
    const failure = await file.failure()
    assert(!failure, `the balances CSV download failed: ${failure}`)
    assert(file.suggestedFilename() === "balances-overdue.csv", `file name ${file.suggestedFilename()}`)
    const lines = fs.readFileSync(await file.path(), "utf8").split("\r\n")
    assert(lines[0] === "display_id,order_id,sales_channel_name,email,event_date,balance_due_date,status,total,paid,balance,currency_code", `header ${lines[0]}`)
    const mine = lines.filter((l) => l.includes(fixtures.late.id) || l.includes(fixtures.order.id))
    assert(
      same(mine, [`${fixtures.late.display_id},${fixtures.late.id},${BAL.tenant},late-${RUN}@example.com,${BAL.late.event},${BAL.late.due},overdue,10000,3000,7000,usd`]),
      `CSV rows: ${JSON.stringify(mine)}`
    )
  })
  check("a plan of three payments lists each with its status; recording the first marks it paid", async () => {
    await admin.post(`/admin/deposit-policies/${fixtures.channel.id}`, { kind: "percent", value: 30, balance_due_days: 30, instalments: 3 })
    const order = await fixtures.place("thirds", day(421))
    await page.goto(`${base}/app/orders/${order.id}`)
    const rows = schedule.getByTestId("order-schedule-instalments").getByTestId("order-schedule-instalment")
    await visible(rows.nth(2), "three payments", 60_000)
    await schedule.scrollIntoViewIfNeeded()
    // Each row: its label ("Payment 1 of 3 · <date>") beside its amount and status.
    const read = () => rows.evaluateAll((els) => els.map((el) => (el.parentElement as HTMLElement).innerText.replace(/\s+/g, " ").trim()))
    const before = await read()
    assert(before.length === 3, `payments: ${JSON.stringify(before)}`)
    before.forEach((row, i) => assert(row.startsWith(`Payment ${i + 1} of 3`), `row ${i}: ${row}`))
    assert(same(before.map((row) => row.replace(/^.* (\$[\d,.]+) (\w+)$/, "$1 $2")), ["$2,333.33 Due", "$2,333.33 Due", "$2,333.34 Due"]), `amounts: ${JSON.stringify(before)}`)
    await admin.post(`/admin/orders/${order.id}/offline-payments`, { amount: 2333.33, method: "bank_transfer" })
    await page.reload()
    await visible(rows.nth(0).getByText("Paid"), "the first payment paid")
    const after = (await read()).map((row) => row.replace(/^.* (\$[\d,.]+) (\w+)$/, "$1 $2"))
    assert(same(after, ["$2,333.33 Paid", "$2,333.33 Due", "$2,333.34 Due"]), `after: ${JSON.stringify(after)}`)
    await schedule.getByTestId("order-schedule-instalments").scrollIntoViewIfNeeded()
    await shot("order-schedule-instalments")
  })
})
