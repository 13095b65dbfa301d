// The Upsell rules page: a rule with a two-condition trigger made, refused, edited, deactivated and
// deleted; a nested trigger made through the API read back in words. The API and the database are
// the second witness of every change.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { gone, same, visible } from "../checks"
import { NEXT_YEAR, adminApi, adminSession, base, choose, dbQuery, fromSidebar, runId, type AdminApi } from "./admin"

const RUN = runId()
// The segment the rule's trigger names, made through the API before the checks.
const SEGMENT = { handle: `signature-${RUN}`, name: `Signature ${RUN}` }
const UPSELL = { name: `Compare up ${RUN}`, nested: `Nested trigger ${RUN}` }
const SUMMARY = `viewing ${SEGMENT.name} level 1 AND add-ons ≥ 2`

describe("upsell rules", () => {
  const session = adminSession("upsell-rules")
  const { check, shot } = session
  let page: Page
  let admin: AdminApi
  let drawer: Locator
  const ruleRow = (name: string) => page.getByTestId("upsell-rule-row").filter({ hasText: name })
  const storedRule = async (name: string) => {
    const { upsell_rules } = await admin.get("/admin/upsell-rules?limit=200")
    return upsell_rules.find((r: any) => r.name === name)
  }
  const openRuleMenu = async (name: string, item: string) => {
    await page.getByRole("button", { name: `Actions for rule ${name}` }).click()
    await page.getByRole("menuitem", { name: item }).click()
  }

  beforeAll(async () => {
    page = session.page
    admin = adminApi(session.token)
    drawer = page.getByTestId("upsell-rule-drawer")
    await admin.post("/admin/segments", SEGMENT)
  })

  check("the sidebar links to the Upsell rules page", async () => {
    await page.goto(`${base}/app`)
    await fromSidebar(page, "Upsell rules")
    await visible(page.getByRole("heading", { name: "Upsell rules", level: 1 }), "the Upsell rules heading")
    await visible(page.getByText("No upsell rules yet").or(page.getByTestId("upsell-rules-table")), "the empty state or the rules")
  })

  check("creates a rule with a two-condition AND trigger", async () => {
    await page.getByTestId("create-upsell-rule").click()
    await drawer.getByLabel("Name").fill(UPSELL.name)
    await choose(page, "condition-segment-1", SEGMENT.name)
    await drawer.getByLabel("Level of condition 1").fill("1")
    await drawer.getByTestId("add-condition").click()
    await choose(page, "condition-kind-2", "Add-on count at least")
    await drawer.getByLabel("Add-ons of condition 2").fill("2")
    await visible(drawer.getByTestId("trigger-summary").getByText(SUMMARY), "the trigger read back in words")
    await choose(page, "upsell-action", "Suggest upgrade")
    await drawer.getByLabel("Incentive %").fill("5")
    await drawer.getByLabel("Headline").fill("Upgrade to {{to_tier}} for {{price_difference}} more")
    await drawer.getByLabel("Priority").fill("10")
    await drawer.getByLabel("Default Sales Channel").click()
    await page.screenshot({ path: shot("upsell-rule-form") })
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the upsell rule drawer")
    await visible(ruleRow(UPSELL.name), "the new rule's row")
    const text = await ruleRow(UPSELL.name).innerText()
    for (const part of [SUMMARY, "Suggest upgrade", "5%", "Always", "Active", "Default Sales Channel"]) {
      assert(text.includes(part), `the row should show "${part}": ${text}`)
    }
    const stored = await storedRule(UPSELL.name)
    const trigger = { all: [{ viewing_tier: { segment: SEGMENT.handle, level: 1 } }, { addon_count_at_least: 2 }] }
    assert(stored && same(stored.trigger, trigger), `stored trigger: ${JSON.stringify(stored?.trigger)}`)
    assert(stored.action === "suggest_upgrade" && stored.priority === 10 && stored.incentive_percent === 5, "stored fields")
    assert(stored.sales_channel_ids.length === 1 && stored.is_active, `stored tenants: ${stored.sales_channel_ids}`)
  })

  check("shows the API's refusal of an unknown placeholder and keeps the drawer open", async () => {
    await openRuleMenu(UPSELL.name, "Edit")
    assert((await drawer.getByLabel("Level of condition 1").inputValue()) === "1", "the form starts from the rule")
    await drawer.getByLabel("Headline").fill("Upgrade for {{foo}}")
    await drawer.getByTestId("drawer-submit").click()
    await visible(drawer.getByTestId("form-error").getByText(/unknown placeholder.*foo/), "the API's message in the drawer")
    await visible(page.getByText("The change was not saved"), "the refusal toast")
    const stored = await storedRule(UPSELL.name)
    assert(stored.headline.includes("{{to_tier}}"), `the headline should be unchanged: ${stored.headline}`)
  })

  check("edits the rule: headline, priority and its last day", async () => {
    await drawer.getByLabel("Headline").fill("Only {{remaining_slots}} dates left for {{to_tier}}")
    await drawer.getByLabel("Priority").fill("20")
    await drawer.getByLabel("Last day").fill(`${NEXT_YEAR}-12-31`)
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the upsell rule drawer")
    await visible(ruleRow(UPSELL.name).getByText(`Until ${NEXT_YEAR}-12-31`), "the window in the row")
    const stored = await storedRule(UPSELL.name)
    assert(stored.headline === "Only {{remaining_slots}} dates left for {{to_tier}}" && stored.priority === 20, "stored edit")
    assert(stored.ends_at?.startsWith(`${NEXT_YEAR + 1}-01-01T00:00:00`), `ends_at: ${stored.ends_at}`)
    assert(stored.trigger.all?.length === 2, "the trigger is untouched")
  })

  check("a nested trigger made through the API reads in words and survives an edit", async () => {
    const trigger = {
      all: [{ viewing_tier: { level: 1 } }, { any: [{ segment_in: [SEGMENT.handle] }, { high_demand_date: true }] }],
    }
    await admin.post("/admin/upsell-rules", { name: UPSELL.nested, trigger, action: "emphasize_scarcity", headline: "Few dates left" })
    await page.reload()
    const summary = `viewing a level 1 tier AND (segment is ${SEGMENT.name} OR high-demand date)`
    await visible(ruleRow(UPSELL.nested).getByText(summary, { exact: true }), "the nested summary")
    await openRuleMenu(UPSELL.nested, "Edit")
    await visible(drawer.getByTestId("trigger-kept"), "the kept trigger")
    await drawer.getByLabel("Priority").fill("3")
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the upsell rule drawer")
    const stored = await storedRule(UPSELL.nested)
    assert(stored.priority === 3 && same(stored.trigger, trigger), `stored: ${JSON.stringify(stored)}`)
    await admin.del(`/admin/upsell-rules/${stored.id}`)
  })

  check("deactivates the rule from the row menu; the filter follows", async () => {
    await openRuleMenu(UPSELL.name, "Deactivate")
    await visible(ruleRow(UPSELL.name).getByTestId("upsell-rule-active").getByText("Inactive"), "the inactive badge")
    assert((await storedRule(UPSELL.name)).is_active === false, "stored inactive")
    await choose(page, "upsell-rule-filter", /^Active$/)
    await gone(ruleRow(UPSELL.name), "the inactive rule under Active")
    await choose(page, "upsell-rule-filter", /^Inactive$/)
    await visible(ruleRow(UPSELL.name), "the rule under Inactive")
    await choose(page, "upsell-rule-filter", "All rules")
  })

  check("deletes the rule after the confirmation prompt", async () => {
    const { id } = await storedRule(UPSELL.name)
    await openRuleMenu(UPSELL.name, "Delete")
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click()
    await gone(ruleRow(UPSELL.name), "the deleted rule's row")
    assert((await admin.status(`/admin/upsell-rules/${id}`)) === 404, "the API no longer finds the rule")
    const rows = await dbQuery("SELECT deleted_at FROM upsell_rule WHERE id = $1", [id])
    assert(rows.length === 1 && rows[0].deleted_at !== null, "the rule's row is marked deleted")
  })
})
