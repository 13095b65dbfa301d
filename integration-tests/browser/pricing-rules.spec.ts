// The Pricing rules page: a season rule made, edited, switched off and deleted, each change followed
// by the price preview of a USD 7,500 tier.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { gone, visible } from "../checks"
import { NEXT_YEAR, adminApi, adminSession, base, choose, fromSidebar, productBody, runId } from "./admin"

const RUN = runId()
const RULE = `Peak season ${RUN}`
// The preview's tier: a USD 7,500 package in its own segment, made through the API before the checks.
const PREVIEW = {
  segment: { handle: `preview-${RUN}`, name: `Preview ${RUN}` },
  tier: "Select package",
  product: `Garden Wedding ${RUN}`,
  region: `Preview region ${RUN}`,
}
const MAY_30 = `${NEXT_YEAR}-05-30`
const JUNE_1 = `${NEXT_YEAR}-06-01`

describe("pricing rules", () => {
  const session = adminSession("pricing-rules")
  const { check, shot } = session
  let page: Page
  let drawer: Locator
  let ruleRow: Locator
  const day = (date: string) => page.getByTestId(`preview-row-${date}`)

  /** A preview row: its final price text, the rule labels, and whether it is highlighted. */
  const previewRow = async (date: string) => {
    await visible(day(date), `the preview row for ${date}`)
    return {
      final: await day(date).getByTestId("preview-final").innerText(),
      rules: await day(date).getByTestId("preview-rules").innerText(),
      differs: (await day(date).getAttribute("data-differs")) === "true",
    }
  }
  const waitForDiffers = (date: string, differs: boolean) =>
    page.waitForFunction(
      ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute("data-differs") === want,
      [`preview-row-${date}`, String(differs)]
    )

  beforeAll(async () => {
    page = session.page
    drawer = page.getByTestId("pricing-rule-drawer")
    ruleRow = page.getByTestId("pricing-rule-row").filter({ hasText: RULE })
    const admin = adminApi(session.token)
    const { product } = await admin.post("/admin/products", productBody(PREVIEW.product, 7500))
    await admin.post("/admin/regions", { name: PREVIEW.region, currency_code: "usd", countries: [] })
    const { segment } = await admin.post("/admin/segments", PREVIEW.segment)
    await admin.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: PREVIEW.tier, product_id: product.id })
  })

  check("the sidebar links to the Pricing rules page", async () => {
    await page.goto(`${base}/app`)
    await fromSidebar(page, "Pricing rules")
    await visible(page.getByRole("heading", { name: "Pricing rules", level: 1 }), "the Pricing rules heading")
    await visible(page.getByText("No pricing rules yet").or(page.getByTestId("pricing-rules-table")), "the empty state or the rules")
  })

  check("creates a season rule: June-September, +20%", async () => {
    await page.getByTestId("create-pricing-rule").click()
    await drawer.getByLabel("Label").fill(RULE)
    // Season is the default kind; its months show, the other kinds' fields do not.
    await visible(drawer.getByTestId("season-fields"), "the season fields")
    assert((await drawer.getByLabel("Days").count()) === 0, "a season rule should not ask for days")
    for (const month of ["June", "July", "August", "September"]) {
      await drawer.getByLabel(month, { exact: true }).click()
    }
    await drawer.getByLabel("Percent").fill("20")
    await drawer.getByLabel("Priority").fill("1")
    await page.screenshot({ path: shot("pricing-rule-form") })
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the pricing rule drawer")
    await visible(ruleRow, "the new rule's row")
    const text = await ruleRow.innerText()
    assert(/June – September/.test(text) && /\+20%/.test(text) && /Season/.test(text), `unexpected row: ${text}`)
  })

  check("shows only the chosen kind's fields", async () => {
    await page.getByTestId("create-pricing-rule").click()
    await drawer.getByTestId("rule-kind").click()
    await page.getByRole("option", { name: "Last minute" }).click()
    await visible(drawer.getByLabel("Days"), "the days field")
    assert((await drawer.getByTestId("season-fields").count()) === 0, "a last-minute rule should not show months")
    await drawer.getByTestId("rule-kind").click()
    await page.getByRole("option", { name: "Weekday" }).click()
    await visible(drawer.getByLabel("Saturday", { exact: true }), "the weekdays")
    await drawer.getByRole("button", { name: "Cancel" }).click()
    await gone(drawer, "the pricing rule drawer")
  })

  check("previews a tier's prices: June dates +20%, May dates at the base", async () => {
    await choose(page, "preview-tier", `${PREVIEW.segment.name} · ${PREVIEW.tier}`)
    await choose(page, "preview-region", `${PREVIEW.region} (USD)`)
    // The end first, so the range is never backwards on the way.
    await page.getByLabel("To", { exact: true }).fill(`${NEXT_YEAR}-06-02`)
    await page.getByLabel("From", { exact: true }).fill(MAY_30)
    await visible(day(`${NEXT_YEAR}-06-02`), "the last preview row")
    assert((await page.getByTestId("preview-table").locator("tbody tr").count()) === 4, "four dates in the preview")
    const may = await previewRow(MAY_30)
    assert(/7,500/.test(may.final) && !may.differs && !may.rules.includes(RULE), `May 30: ${JSON.stringify(may)}`)
    const june = await previewRow(JUNE_1)
    assert(/9,000/.test(june.final) && june.differs && june.rules.includes(RULE), `June 1: ${JSON.stringify(june)}`)
    await page.getByTestId("price-preview").scrollIntoViewIfNeeded()
  })

  check("deactivating the rule brings June back to the base price", async () => {
    await ruleRow.getByRole("switch", { name: `Active: ${RULE}` }).click()
    await waitForDiffers(JUNE_1, false)
    assert(/7,500/.test((await previewRow(JUNE_1)).final), "June at the base price while the rule is off")
    await ruleRow.getByRole("switch", { name: `Active: ${RULE}` }).click()
    await waitForDiffers(JUNE_1, true)
  })

  check("edits the rule's percent and the preview follows", async () => {
    await page.getByRole("button", { name: `Actions for rule ${RULE}` }).click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    assert((await drawer.getByLabel("Percent").inputValue()) === "20", "the form starts from the rule")
    await drawer.getByLabel("Percent").fill("25")
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the pricing rule drawer")
    await visible(ruleRow.getByText("+25%"), "the new percent in the row")
    await visible(day(JUNE_1).getByText(/9,375/), "June at +25%")
  })

  check("deletes the rule after the confirmation prompt", async () => {
    await page.getByRole("button", { name: `Actions for rule ${RULE}` }).click()
    await page.getByRole("menuitem", { name: "Delete" }).click()
    const prompt = page.getByRole("alertdialog")
    await visible(prompt, "the confirmation prompt")
    await prompt.getByRole("button", { name: "Delete" }).click()
    await gone(ruleRow, "the deleted rule's row")
    await visible(day(JUNE_1).getByText(/7,500/), "June back at the base price")
  })
})
