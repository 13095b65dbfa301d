// The Availability page's Notifications section: a tenant of its own turns a notification off and
// on again and widens the option warning window; the admin API reads back what the screen shows.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { visible } from "../checks"
import { adminApi, adminSession, choose, createTenant, fromSidebar, runId, type AdminApi } from "./admin"

const TENANT = `Notices studio ${runId()}`

describe("a tenant's notification switches", () => {
  const session = adminSession("notification-settings")
  const { check } = session
  let page: Page
  let admin: AdminApi
  let section: Locator
  let channelId: string
  const stored = async () => (await admin.get(`/admin/notification-settings/${channelId}`)).notification_settings
  const until = async (check: (settings: any) => boolean, what: string) => {
    for (let i = 0; i < 50; i++) {
      const settings = await stored()
      if (check(settings)) return settings
      await new Promise((r) => setTimeout(r, 200))
    }
    throw new Error(`expected ${what}, stored: ${JSON.stringify(await stored())}`)
  }

  beforeAll(async () => {
    page = session.page
    admin = adminApi(session.token)
    section = page.getByTestId("notification-settings")
    channelId = (await createTenant(admin, TENANT)).channel.id
  })

  check("the Availability page lists the tenant's notifications, all on", async () => {
    await fromSidebar(page, "Availability")
    await choose(page, "availability-channel", TENANT)
    await visible(section.getByRole("heading", { name: "Notifications" }), "the Notifications heading")
    for (const label of ["Booking confirmation", "Upgrade confirmed", "Booking rescheduled", "Booking canceled", "Option moved up", "Option about to lapse"]) {
      const toggle = section.getByRole("switch", { name: label })
      await visible(toggle, `the ${label} switch`)
      assert.equal(await toggle.getAttribute("aria-checked"), "true", `${label} is on`)
    }
    assert.equal(await section.getByLabel(/hours before their option lapses/).inputValue(), "24")
  })

  check("turns the booking cancellation email off, then on again", async () => {
    const toggle = section.getByRole("switch", { name: "Booking canceled" })
    await toggle.click()
    await until((s) => s.templates["booking-canceled"] === false, "booking-canceled off")
    await visible(section.locator('[role="switch"][aria-checked="false"]'), "the switch off")
    await toggle.click()
    const settings = await until((s) => s.templates["booking-canceled"] === true, "booking-canceled on")
    assert(Object.values(settings.templates).every(Boolean), `every template on: ${JSON.stringify(settings.templates)}`)
  })

  check("warns clients 48 hours before their option lapses", async () => {
    await section.getByLabel(/hours before their option lapses/).fill("48")
    await section.getByTestId("save-lapsing-hours").click()
    await until((s) => s.option_lapsing_hours === 48, "48 hours")
  })
})
