// The Rollout page: each feature's stage, set, advanced, paused and resumed with a reason (a change
// without one refused), a storefront's page loads read as the page-load guardrail against its
// threshold, and the history with who and why, a guardrails' rollback among it.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { same, visible, WAIT } from "../checks"
import { adminApi, adminSession, base, createTenant, dbQuery, fromSidebar, runId, type AdminApi } from "./admin"

const RUN = runId()

describe("rollout", () => {
  const session = adminSession("rollout")
  const { check } = session
  let page: Page
  let admin: AdminApi
  let upsell: Locator
  let adminEmail: string

  /** The upsell's rollout as stored: the admin API is the second witness of what the page shows. */
  const stored = async () => (await admin.get("/admin/tier-rollout")).rollouts.find((r: any) => r.feature === "upsell")
  /** Back to every tenant, running, with no tenant override: other files' storefronts get offers. */
  const restore = async () => {
    const now = await stored()
    if (now.paused) await admin.post("/admin/tier-rollout/upsell/resume", { reason: `Browser check ${RUN} done` })
    if (now.percent !== 100) await admin.post("/admin/tier-rollout/upsell/stage", { percent: 100, reason: `Browser check ${RUN} done` })
    await admin.del("/admin/tier-flags?key=tenant_overrides")
  }
  const stageIs = async (text: string) => visible(upsell.getByTestId("rollout-stage").getByText(text, { exact: true }), `the stage ${text}`)
  /** Opens the drawer of an action, writes the reason (and the percent), and submits. */
  const change = async (button: string, reason: string, percent?: number) => {
    await upsell.getByTestId(button).click()
    const drawer = page.getByTestId("rollout-change-drawer")
    await visible(drawer, "the change drawer")
    if (percent !== undefined) await drawer.getByLabel("Percent of tenants").fill(String(percent))
    await drawer.getByLabel("Reason").fill(reason)
    await drawer.getByTestId("drawer-submit").click()
    return drawer
  }
  const latestChange = () => upsell.getByTestId("rollout-change").first()

  beforeAll(async () => {
    page = session.page
    admin = adminApi(session.token)
    upsell = page.getByTestId("rollout-upsell")
    adminEmail = (await admin.get("/admin/users/me")).user.email
  })

  afterAll(async () => {
    await restore().catch(() => {})
  })

  check("the sidebar links to the Rollout page: each feature's stage, its guardrails and their thresholds", async () => {
    // A reused DATABASE_URL may hold an earlier run's stage.
    await restore()
    await page.goto(`${base}/app`)
    await fromSidebar(page, "Rollout")
    await visible(page.getByRole("heading", { name: "Rollout", level: 1 }), "the Rollout heading")
    await visible(page.getByRole("heading", { name: "Tiered catalog", level: 2 }), "the catalog's section")
    await visible(page.getByRole("heading", { name: "Upsell offers", level: 2 }), "the upsell's section")
    await stageIs("100% of tenants")
    for (const [name, threshold] of [
      ["error_rate", "at most 1%"],
      ["conversion", "no lower than -10%"],
      ["page_load", "at most 3,000 ms"],
    ]) {
      await visible(upsell.getByTestId(`guardrail-${name}`).getByText(threshold, { exact: true }), `the ${name} threshold`)
    }
    await visible(upsell.getByTestId("guardrails-upsell-chart"), "the guardrails chart")
    await visible(upsell.getByRole("button", { name: "Advance" }), "Advance, disabled at 100%")
    assert(await upsell.getByTestId("rollout-advance").isDisabled(), "Advance is disabled at 100%")
  })

  check("sets the upsell to 25% of tenants with a reason: the stage, and the history with who and why", async () => {
    const drawer = await change("rollout-set", `Pilot ${RUN}`, 25)
    await stageIs("25% of tenants")
    await visible(latestChange().getByText("Set 100% → 25%", { exact: true }), "the change in the history")
    await visible(latestChange().getByTestId("rollout-change-reason").getByText(`Pilot ${RUN}`, { exact: true }), "its reason")
    await visible(latestChange().getByTestId("rollout-change-actor").getByText(adminEmail, { exact: true }), "who made it")
    assert(!(await drawer.isVisible()), "the drawer closed")
    const now = await stored()
    assert(same([now.percent, now.paused, now.next_percent], [25, false, 50]), `stored: ${JSON.stringify(now)}`)
  })

  check("refuses an advance without a reason: the drawer stays open and nothing changes", async () => {
    const drawer = await change("rollout-advance", "")
    await visible(page.getByText("The change was not saved"), "the refusal toast")
    await visible(drawer, "the drawer, still open")
    await page.keyboard.press("Escape")
    assert((await stored()).percent === 25, "still 25%")
  })

  check("advances to the next stage of the ladder, 50%", async () => {
    await change("rollout-advance", `Pilot went well ${RUN}`)
    await stageIs("50% of tenants")
    await visible(latestChange().getByText("Advanced 25% → 50%", { exact: true }), "the advance in the history")
    assert((await stored()).percent === 50, "stored 50%")
  })

  check("pauses (off for the stage's tenants, not judged) and resumes at the same stage", async () => {
    await change("rollout-pause", `Support is busy ${RUN}`)
    await stageIs("50% (paused)")
    await visible(upsell.getByTestId("rollout-health").getByText("Paused: not judged", { exact: true }), "the paused badge")
    await visible(latestChange().getByText("Paused at 50%", { exact: true }), "the pause in the history")
    assert((await admin.get("/admin/tier-flags")).flags.rollout_paused.includes("upsell"), "stored paused")
    await change("rollout-resume", `Back to normal ${RUN}`)
    await stageIs("50% of tenants")
    await visible(latestChange().getByText("Resumed at 50%", { exact: true }), "the resume in the history")
    assert((await stored()).paused === false, "stored running")
  })

  check("reads a storefront's page loads as the page-load guardrail: p75 against 3 s", async () => {
    const { channel, store } = await createTenant(admin, `Rollout studio ${RUN}`)
    // This tenant has the upsell whatever its place on the ladder.
    await admin.post("/admin/tier-flags", { tenant_overrides: { [channel.id]: { tiered_catalog: true, upsell: true } } })
    for (let i = 0; i < 100; i++) {
      await store.post("/store/tier-events", { name: "page_load", properties: { lcp_ms: i < 80 ? 1234 : 2900, path: "/" } })
    }
    await page.reload()
    const pageLoad = upsell.getByTestId("guardrail-page_load")
    const deadline = Date.now() + WAIT
    while (!(await pageLoad.getByTestId("guardrail-value").getByText("1,234 ms").isVisible()) && Date.now() < deadline) {
      await page.reload()
    }
    await visible(pageLoad.getByTestId("guardrail-value").getByText("1,234 ms", { exact: true }), "the p75 of the page loads")
    await visible(pageLoad.getByTestId("guardrail-status").getByText("Within", { exact: true }), "within the threshold")
    const figure = (await stored()).guardrails.find((g: any) => g.name === "page_load")
    assert(same([figure.value, figure.status], [1234, "ok"]), `stored: ${JSON.stringify(figure)}`)
  })

  check("shows a rollback the guardrails recorded, with the breached figure", async () => {
    // Written as the guardrails' job writes it (the job runs every five minutes, too slow to wait for).
    await dbQuery(
      `INSERT INTO rollout_change (id, feature, action, from_percent, to_percent, from_paused, to_paused, reason, actor_id, figures)
       VALUES ($1, 'upsell', 'rollback', 50, 25, false, false, $2, NULL, $3)`,
      [
        `rlc_browser_${RUN}`,
        `Guardrail breached: page load p75 4100 ms over 3000 ms (100 page loads)`,
        JSON.stringify({ guardrails: [{ name: "page_load", status: "breached", value: 4100, threshold: 3000, sample: 100, min_sample: 100 }] }),
      ]
    )
    await page.reload()
    const row = latestChange()
    await visible(row.getByText("Rollback", { exact: true }), "the rollback badge")
    await visible(row.getByText("Rolled back 50% → 25%", { exact: true }), "the rollback in words")
    await visible(row.getByTestId("rollout-change-actor").getByText("Guardrails", { exact: true }), "made by the guardrails")
    await visible(row.getByText("Page load (p75 LCP) 4,100 ms", { exact: true }), "the breached figure")
    await restore()
  })
})
