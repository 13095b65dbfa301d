// The admin's way in: the login form and the plugin's one sidebar entry with its pages.
import assert from "node:assert/strict"
import { visible } from "../checks"
import { PLUGIN_ENTRY, PLUGIN_PAGES, adminSession, logIn, sidebarOf } from "./admin"

describe("sidebar", () => {
  const session = adminSession("sidebar", { loggedIn: false })
  const { check } = session

  check("logs in to the admin", async () => {
    await logIn(session.page)
  })

  check("the sidebar has one entry for the plugin; its sub-items, in order, open each page", async () => {
    const { page } = session
    const sidebar = sidebarOf(page)
    const entry = sidebar.getByRole("link", { name: PLUGIN_ENTRY, exact: true })
    await visible(entry, "the plugin's entry in the sidebar")
    assert((await entry.count()) === 1, `entries named ${PLUGIN_ENTRY}: ${await entry.count()}`)
    for (const [label] of PLUGIN_PAGES) {
      assert((await sidebar.getByRole("link", { name: label, exact: true }).count()) === 0, `"${label}" is a top-level entry`)
    }
    await entry.click()
    await visible(page.getByRole("heading", { name: PLUGIN_ENTRY, level: 1 }), "the overview's heading")
    assert(new URL(page.url()).pathname === "/app/tiered", `the overview's address: ${page.url()}`)
    const overview = page.getByTestId("tiered-pages").getByRole("link")
    const hrefs = await overview.evaluateAll((links) => links.map((a) => a.getAttribute("href")))
    const want = PLUGIN_PAGES.map(([, slug]) => `/app/tiered/${slug}`)
    assert(JSON.stringify(hrefs) === JSON.stringify(want), `the overview's links: ${JSON.stringify(hrefs)}`)
    const labels: string[] = PLUGIN_PAGES.map(([label]) => label)
    const shown = (await sidebar.getByRole("link").allInnerTexts()).map((t) => t.trim()).filter((t) => labels.includes(t))
    assert(JSON.stringify(shown) === JSON.stringify(labels), `the sub-items: ${JSON.stringify(shown)}`)
    for (const [label, slug] of PLUGIN_PAGES) {
      await sidebar.getByRole("link", { name: label, exact: true }).click()
      await visible(page.getByRole("heading", { name: label, level: 1 }), `the ${label} heading`)
      assert(new URL(page.url()).pathname === `/app/tiered/${slug}`, `${label} at ${page.url()}`)
      assert((await entry.count()) === 1, `the entry stays one on ${label}`)
    }
  })
})
