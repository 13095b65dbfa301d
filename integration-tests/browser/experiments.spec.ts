// The Experiments page: a draft with two variants made, started, checked against the API's
// assignment of a visitor, its traffic raised, a raced edit refused, and stopped.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { gone, same, visible } from "../checks"
import { adminApi, adminSession, base, choose, fromSidebar, runId, type AdminApi } from "./admin"

const RUN = runId()
const EXPERIMENT = { key: `copy-${RUN}`, name: `Copy test ${RUN}`, raced: `raced-${RUN}`, rule: `Experiment rule ${RUN}` }

describe("experiments", () => {
  const session = adminSession("experiments")
  const { check, shot } = session
  let page: Page
  let admin: AdminApi
  let drawer: Locator
  let outsider: string | null = null
  const row = (key: string) => page.locator(`[data-testid="experiment-row"][data-experiment-key="${key}"]`)
  const stored = async (key: string) => {
    const { experiments } = await admin.get("/admin/experiments?limit=200")
    return experiments.find((e: any) => e.key === key)
  }
  const openMenu = async (name: string, item: string) => {
    await page.getByRole("button", { name: `Actions for experiment ${name}` }).click()
    await page.getByRole("menuitem", { name: item }).click()
  }
  const confirmPrompt = (button: string) => page.getByRole("alertdialog").getByRole("button", { name: button }).click()
  const waitForStatus = (key: string, status: string) => visible(row(key).getByTestId("experiment-status").getByText(status), `${key} ${status}`)

  /** Asks the page's visitor check and returns the answer it shows. */
  const checkVisitor = async (visitorId: string) => {
    const box = page.getByTestId("visitor-check")
    await choose(page, "check-experiment", new RegExp(EXPERIMENT.name))
    await box.getByLabel("Visitor id").fill(visitorId)
    await box.getByTestId("check-visitor-submit").click()
    const answer = box.getByTestId("assignment-variant")
    await visible(answer, "the assignment")
    return answer.innerText()
  }

  beforeAll(() => {
    page = session.page
    admin = adminApi(session.token)
    drawer = page.getByTestId("experiment-drawer")
  })

  check("the sidebar links to the Experiments page", async () => {
    await page.goto(`${base}/app`)
    await fromSidebar(page, "Experiments")
    await visible(page.getByRole("heading", { name: "Experiments", level: 1 }), "the Experiments heading")
    await visible(page.getByText("No experiments yet").or(page.getByTestId("experiments-table")), "the empty state or the list")
  })

  check("creates a draft with two variants (control and a 3x urgent copy)", async () => {
    const { upsell_rule: rule } = await admin.post("/admin/upsell-rules", {
      name: EXPERIMENT.rule,
      trigger: { addon_count_at_least: 2 },
      action: "suggest_upgrade",
      headline: "Go {{to_tier}}",
    })
    await page.getByTestId("create-experiment").click()
    await drawer.getByRole("group", { name: "Upsell rules" }).getByLabel(EXPERIMENT.rule).click()
    await drawer.getByLabel("Key", { exact: true }).fill(EXPERIMENT.key)
    await drawer.getByLabel("Name").fill(EXPERIMENT.name)
    await drawer.getByLabel("Traffic %").fill("10")
    await drawer.getByLabel("Variant 2 key").fill("urgent")
    await drawer.getByLabel("Weight").nth(1).fill("3")
    await drawer.getByLabel("Incentive %").nth(1).fill("5")
    await drawer.getByLabel("Headline override").nth(1).fill("Only {{remaining_slots}} dates left")
    assert((await drawer.getByTestId("variant-2-share").innerText()) === "75%", "the second variant's share")
    await page.screenshot({ path: shot("experiment-form") })
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the experiment drawer")
    await waitForStatus(EXPERIMENT.key, "Draft")
    const text = await row(EXPERIMENT.key).innerText()
    for (const part of ["10%", "control 25%", "No change (control)", "urgent 75%", "Incentive 5%", "All tenants"]) {
      assert(text.includes(part), `the row should show "${part}": ${text}`)
    }
    const experiment = await stored(EXPERIMENT.key)
    assert(experiment.status === "draft" && experiment.traffic_percent === 10, "stored draft at 10%")
    assert(same(experiment.variants.map((v: any) => [v.key, v.weight]), [["control", 1], ["urgent", 3]]), "stored variants")
    assert(same(experiment.rule_ids, [rule.id]), "the stored experiment changes the ticked rule only")
  })

  check("starts the experiment; its variants are read-only", async () => {
    await openMenu(EXPERIMENT.name, "Start")
    await confirmPrompt("Start")
    await waitForStatus(EXPERIMENT.key, "Running")
    assert((await stored(EXPERIMENT.key)).status === "running", "stored running")
    await openMenu(EXPERIMENT.name, "Edit")
    await visible(drawer.getByTestId("variants-read-only"), "the read-only variants")
    assert((await drawer.getByTestId("variants-editor").count()) === 0, "no variant editor once running")
    assert(await drawer.getByLabel("Key", { exact: true }).isDisabled(), "the key is fixed once running")
    await visible(drawer.getByText(EXPERIMENT.rule, { exact: true }), "the experiment's rule, read-only")
  })

  check("a visitor outside the 10% traffic is shown as not in the experiment, as the API says", async () => {
    await drawer.getByRole("button", { name: "Cancel" }).click()
    await gone(drawer, "the experiment drawer")
    const { id } = await stored(EXPERIMENT.key)
    for (let i = 0; i < 100 && !outsider; i++) {
      const visitor = `visitor-${RUN}-${i}`
      const { variant } = await admin.get(`/admin/experiments/${id}/assignment?visitor_id=${visitor}`)
      if (variant === null) outsider = visitor
    }
    assert(outsider, "some visitor should fall outside 10% traffic")
    assert((await checkVisitor(outsider)) === "Not in the experiment", "the page's answer")
  })

  check("raises the running experiment's traffic to 100%: the visitor gets the API's variant", async () => {
    await openMenu(EXPERIMENT.name, "Edit")
    await drawer.getByLabel("Traffic %").fill("100")
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the experiment drawer")
    await visible(row(EXPERIMENT.key).getByTestId("experiment-traffic").getByText("100%"), "the new traffic")
    const experiment = await stored(EXPERIMENT.key)
    assert(experiment.traffic_percent === 100 && experiment.variants.length === 2, "stored traffic, variants kept")
    const { variant } = await admin.get(`/admin/experiments/${experiment.id}/assignment?visitor_id=${outsider}`)
    assert(variant === "control" || variant === "urgent", `the API's variant: ${variant}`)
    // The answer on screen refreshes after the save.
    await visible(page.getByTestId("assignment-variant").getByText(variant, { exact: true }), `variant ${variant} on the page`)
  })

  check("a variant change refused because the experiment started meanwhile shows the API's message", async () => {
    const { experiment } = await admin.post("/admin/experiments", {
      key: EXPERIMENT.raced,
      name: `Raced ${RUN}`,
      variants: [
        { key: "a", weight: 1 },
        { key: "b", weight: 1 },
      ],
    })
    await page.reload()
    await page.getByRole("button", { name: `Actions for experiment Raced ${RUN}` }).click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    await visible(drawer.getByTestId("variants-editor"), "the variant editor of the draft")
    // Another admin starts it while this drawer is open.
    await admin.post(`/admin/experiments/${experiment.id}/start`)
    await drawer.getByLabel("Weight").nth(1).fill("2")
    await drawer.getByTestId("drawer-submit").click()
    await visible(drawer.getByTestId("form-error").getByText(/stop it and start a new one/), "the API's refusal in the drawer")
    await drawer.getByRole("button", { name: "Cancel" }).click()
    await gone(drawer, "the experiment drawer")
    assert((await admin.get(`/admin/experiments/${experiment.id}`)).experiment.variants[1].weight === 1, "variants unchanged")
    await admin.del(`/admin/experiments/${experiment.id}`)
  })

  check("stops the experiment", async () => {
    await page.reload()
    await openMenu(EXPERIMENT.name, "Stop")
    await confirmPrompt("Stop")
    await waitForStatus(EXPERIMENT.key, "Stopped")
    const experiment = await stored(EXPERIMENT.key)
    assert(experiment.status === "stopped" && experiment.stopped_at, "stored stopped")
    await page.getByRole("button", { name: `Actions for experiment ${EXPERIMENT.name}` }).click()
    assert((await page.getByRole("menuitem", { name: "Edit" }).count()) === 0, "a stopped experiment has no Edit")
    await page.keyboard.press("Escape")
  })
})
