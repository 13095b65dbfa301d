// The Tier flags page: each flag's value and source, overridden, reset one by one and all at once.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { same, visible } from "../checks"
import { adminApi, adminSession, base, fromSidebar, type AdminApi } from "./admin"

describe("tier flags", () => {
  const session = adminSession("tier-flags")
  const { check } = session
  let page: Page
  let admin: AdminApi
  let upsell: Locator
  const expectFlag = async (flag: Locator, value: string, source: string) => {
    await visible(flag.getByTestId("flag-value").getByText(value, { exact: true }), `the value ${value}`)
    await visible(flag.getByTestId("flag-source").getByText(source, { exact: true }), `the ${source} badge`)
  }

  beforeAll(() => {
    page = session.page
    admin = adminApi(session.token)
    upsell = page.getByTestId("flag-upsell")
  })

  check("the Tier flags page shows each flag's value and that it is the default", async () => {
    // A reused DATABASE_URL may hold an earlier run's overrides.
    await admin.del("/admin/tier-flags")
    await page.goto(`${base}/app`)
    await fromSidebar(page, "Tier flags")
    await visible(page.getByRole("heading", { name: "Tier flags", level: 1 }), "the Tier flags heading")
    await expectFlag(upsell, "On", "Default")
    await expectFlag(page.getByTestId("flag-tenant_allowlist"), "Every tenant", "Default")
  })

  check("turns upsell off: overridden", async () => {
    await upsell.getByRole("switch").click()
    await expectFlag(upsell, "Off", "Overridden")
    const { flags, overrides } = await admin.get("/admin/tier-flags")
    assert(flags.upsell === false && overrides.upsell === false, `stored: ${JSON.stringify({ flags, overrides })}`)
  })

  check("resets upsell to its default", async () => {
    await upsell.getByRole("button", { name: "Reset to default" }).click()
    await expectFlag(upsell, "On", "Default")
    const { flags, overrides } = await admin.get("/admin/tier-flags")
    assert(flags.upsell === true && !("upsell" in overrides), `stored: ${JSON.stringify({ flags, overrides })}`)
  })

  check("sets the upsell rollout to 25%", async () => {
    const rollout = page.getByTestId("flag-upsell_rollout_percent")
    await rollout.getByLabel("Rollout %").fill("25")
    await rollout.getByTestId("save-rollout").click()
    await expectFlag(rollout, "25%", "Overridden")
    assert((await admin.get("/admin/tier-flags")).flags.upsell_rollout_percent === 25, "stored rollout")
  })

  check("limits the plugin to one tenant, then resets every flag", async () => {
    const allowlist = page.getByTestId("flag-tenant_allowlist")
    await allowlist.getByLabel("Only these tenants").click()
    await allowlist.getByLabel("Default Sales Channel").click()
    await allowlist.getByTestId("save-allowlist").click()
    await expectFlag(allowlist, "Only Default Sales Channel", "Overridden")
    const { flags } = await admin.get("/admin/tier-flags")
    assert(flags.tenant_allowlist?.length === 1, `stored allowlist: ${flags.tenant_allowlist}`)
    await page.getByTestId("reset-all-flags").click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Reset" }).click()
    await expectFlag(allowlist, "Every tenant", "Default")
    await expectFlag(page.getByTestId("flag-upsell_rollout_percent"), "100%", "Default")
    assert(same((await admin.get("/admin/tier-flags")).overrides, {}), "no overrides left")
  })
})
