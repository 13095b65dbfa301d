// The Commission & payouts page's Deposits: the store default (30%, balance 30 days before), a
// segment's fixed override, a refused value, and removing the override, each read back through
// the admin API.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { visible } from "../checks"
import { adminApi, adminSession, base, createTenant, runId, type AdminApi } from "./admin"

const RUN = runId()
const DEPOSITS = {
  tenant: `Deposits studio ${RUN}`,
  segment: { handle: `deposits-${RUN}`, name: `Deposits ${RUN}` },
}

describe("deposits", () => {
  const session = adminSession("deposits")
  const { check } = session
  let page: Page
  let admin: AdminApi
  let channelId: string
  let segmentId: string
  const defaultRow = (): Locator => page.getByTestId("deposit-row-default")
  const segmentRow = (): Locator => page.getByTestId(`deposit-row-${DEPOSITS.segment.handle}`)
  const stored = async () => admin.get(`/admin/deposit-policies/${channelId}`)

  beforeAll(async () => {
    page = session.page
    admin = adminApi(session.token)
    channelId = (await createTenant(admin, DEPOSITS.tenant)).channel.id
    segmentId = (await admin.post("/admin/segments", DEPOSITS.segment)).segment.id
  })

  check("sets the store default: 30% at checkout, the balance 30 days before the event", async () => {
    await page.goto(`${base}/app/tiered/commission-payouts?sales_channel_id=${channelId}`)
    await visible(defaultRow().getByText("Paid in full at checkout"), "the default row without a deposit")
    await visible(segmentRow().getByText("Follows the store default"), "the segment following the default")
    await defaultRow().getByLabel("Deposit for Store default", { exact: true }).fill("30")
    await defaultRow().getByTestId("save-deposit").click()
    await visible(defaultRow().getByText("30% at checkout, balance 30 days before the event"), "the saved default")
    const { default: policy } = await stored()
    assert(policy?.kind === "percent" && policy.value === 30 && policy.balance_due_days === 30 && policy.deposit_refundable === false, `stored: ${JSON.stringify(policy)}`)
  })

  check("overrides the segment with a fixed $1,500, balance 60 days before", async () => {
    await segmentRow().getByTestId("deposit-kind").click()
    await page.getByRole("option", { name: "Fixed" }).click()
    await segmentRow().getByLabel(`Deposit for ${DEPOSITS.segment.name}`, { exact: true }).fill("1500")
    await segmentRow().getByLabel(`Currency of the deposit for ${DEPOSITS.segment.name}`).fill("USD")
    await segmentRow().getByLabel(`Balance due days before the event for ${DEPOSITS.segment.name}`).fill("60")
    await segmentRow().getByTestId("save-deposit").click()
    await visible(segmentRow().getByText("1500 USD at checkout, balance 60 days before the event"), "the saved override")
    const { segments } = await stored()
    assert(segments.length === 1 && segments[0].segment_id === segmentId && segments[0].value === 1500 && segments[0].currency_code === "usd", `stored: ${JSON.stringify(segments)}`)
  })

  check("refuses a percent over 100 with the server's words, and keeps what was stored", async () => {
    const before = await stored()
    await defaultRow().getByLabel("Deposit for Store default", { exact: true }).fill("120")
    await defaultRow().getByTestId("save-deposit").click()
    await visible(page.getByText(/a percent deposit is between 1 and 100/), "the refusal")
    assert(JSON.stringify(await stored()) === JSON.stringify(before), "the policies are as they were")
  })

  check("removes the segment's override: it follows the store default again", async () => {
    await segmentRow().getByRole("button", { name: `Remove the deposit of ${DEPOSITS.segment.name}` }).click()
    await visible(segmentRow().getByText("Follows the store default"), "the segment following the default again")
    const { segments } = await stored()
    assert(segments.length === 0, `stored: ${JSON.stringify(segments)}`)
  })
})
