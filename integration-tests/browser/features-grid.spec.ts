// The Segments page's features grid (rows by tiers, each tier's value, the storefront's + marks)
// and the tier form's feature rows, on a segment whose three tiers have valued features and a
// plain one. What the screen saves is read back through the admin API (which answers an absent
// unit as null).
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { gone, same, visible } from "../checks"
import { adminApi, adminSession, base, runId, type AdminApi } from "./admin"

const RUN = runId()
const SEGMENT = { handle: `grid-${RUN}`, name: `Grid ${RUN}` }

const coverage = (value: number) => ({ key: "coverage", label: "Coverage", group: "Coverage", value, unit: "h" })
const photos = (value: number | string) => ({ key: "edited-photos", label: "Edited photos", group: "Deliverables", value, unit: null })
const album = (value: boolean) => ({ key: "heirloom-album", label: "Heirloom album", group: "Deliverables", value, unit: null })
const TIERS = [
  { level: 1, name: "Essential", features: [coverage(8), photos(400), album(false)] },
  { level: 2, name: "Select", features: [coverage(10), photos(600), album(false), "Second shooter"] },
  { level: 3, name: "Complete", features: [coverage(12), photos("unlimited"), album(true), "Second shooter"] },
]
const assistant = (value: boolean) => ({ key: "lighting-assistant", label: "Lighting assistant", group: "Team", value, unit: null })

describe("the features grid and the tier form's feature rows", () => {
  const session = adminSession("features-grid")
  const { check, shot } = session
  let page: Page
  let admin: AdminApi
  let segmentId: string
  let grid: Locator
  const tierIds: Record<string, string> = {}
  /** What the admin API answers for the tier's features must be `expected`, order included. */
  const featuresAre = async (name: string, expected: unknown[]) => {
    const features = (await admin.get(`/admin/tiers/${tierIds[name]}`)).tier.features
    assert(same(features, expected), `${name}'s features: ${JSON.stringify(features)}`)
  }
  const segmentRow = () => page.getByTestId(`segment-row-${SEGMENT.handle}`)
  const cell = (key: string, level: number) => grid.getByTestId(`grid-cell-${key}-${level}`)
  const marked = async (key: string, level: number) => (await cell(key, level).getByTestId("better-mark").count()) === 1

  beforeAll(async () => {
    page = session.page
    admin = adminApi(session.token)
    grid = page.getByTestId("feature-grid-drawer")
    ;({
      segment: { id: segmentId },
    } = await admin.post("/admin/segments", { ...SEGMENT, rank: 50 }))
    for (const tier of TIERS) {
      tierIds[tier.name] = (await admin.post(`/admin/segments/${segmentId}/tiers`, tier)).tier.id
    }
  })

  check("opens the segment's features grid: rows by group, a column per tier by level", async () => {
    await page.goto(`${base}/app/tiered/segments`)
    await visible(segmentRow(), "the segment's row", 60_000)
    await page.getByRole("button", { name: `Actions for segment ${SEGMENT.name}` }).click()
    await page.getByRole("menuitem", { name: "Features" }).click()
    await visible(grid.getByTestId("feature-grid"), "the grid")
    const headers = await grid.locator("thead th").allInnerTexts()
    assert.deepEqual(headers.slice(1, 4), ["Essential · Level 1", "Select · Level 2", "Complete · Level 3"])
    const body = await grid.locator("tbody").innerText()
    const order = ["COVERAGE", "Coverage", "DELIVERABLES", "Edited photos", "Heirloom album", "OTHER", "Second shooter"].map((t) => body.indexOf(t))
    assert(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `rows out of order: ${body}`)
  })

  check("shows each tier's value and the + where a tier offers more than the tier below", async () => {
    const value = (key: string, label: string, tier: string, level: number) => cell(key, level).getByLabel(`${label} in ${tier}`)
    assert.deepEqual(
      await Promise.all(TIERS.map((t) => value("coverage", "Coverage", t.name, t.level).inputValue())),
      ["8", "10", "12"]
    )
    assert.deepEqual(
      await Promise.all(TIERS.map((t) => value("edited-photos", "Edited photos", t.name, t.level).inputValue())),
      ["400", "600", "unlimited"]
    )
    assert.deepEqual(
      await Promise.all(TIERS.map((t) => value("heirloom-album", "Heirloom album", t.name, t.level).isChecked())),
      [false, false, true]
    )
    assert.deepEqual(
      await Promise.all(TIERS.map((t) => value("Second shooter", "Second shooter", t.name, t.level).isChecked())),
      [false, true, true]
    )
    // As the storefront's comparison marks them: more hours, more photos (a text is not ranked), the album, the shooter.
    const marks = async (key: string) => Promise.all([1, 2, 3].map((level) => marked(key, level)))
    assert.deepEqual(await marks("coverage"), [false, true, true])
    assert.deepEqual(await marks("edited-photos"), [false, true, false])
    assert.deepEqual(await marks("heirloom-album"), [false, false, true])
    assert.deepEqual(await marks("Second shooter"), [false, true, false])
    await page.screenshot({ path: shot("feature-grid") })
  })

  check("a value changed and a row added in the grid are saved to each tier", async () => {
    await grid.getByLabel("Coverage in Select").fill("11")
    await grid.getByLabel("New row group").fill("Team")
    await grid.getByLabel("New row label").fill("Lighting assistant")
    await grid.getByRole("button", { name: "Add row" }).click()
    await visible(grid.getByTestId("grid-row-lighting-assistant"), "the new row")
    await grid.getByLabel("Lighting assistant in Complete").click()
    await visible(cell("lighting-assistant", 3).getByTestId("better-mark"), "the + of the new row")
    await grid.getByTestId("drawer-submit").click()
    await gone(grid, "the grid drawer")
    await visible(page.getByText("3 tiers saved"), "the saved toast")
    await featuresAre("Essential", [...TIERS[0].features, assistant(false)])
    await featuresAre("Select", [coverage(11), photos(600), album(false), "Second shooter", assistant(false)])
    await featuresAre("Complete", [...TIERS[2].features, assistant(true)])
  })

  check("the tier form shows valued features as rows and saves them back exactly", async () => {
    await segmentRow().getByRole("button", { name: "Actions for tier Select", exact: true }).click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    const drawer = page.getByTestId("tier-drawer")
    await visible(drawer.getByTestId("tier-features"), "the feature rows")
    const labels = await Promise.all([1, 2, 3, 4, 5].map((n) => drawer.getByLabel(`Feature ${n} label`).inputValue()))
    assert.deepEqual(labels, ["Coverage", "Edited photos", "Heirloom album", "Second shooter", "Lighting assistant"])
    assert.equal(await drawer.getByLabel("Feature 1 group").inputValue(), "Coverage")
    assert.equal(await drawer.getByLabel("Feature 1 value").inputValue(), "11")
    assert.equal(await drawer.getByLabel("Feature 1 unit").inputValue(), "h")
    assert.equal(await drawer.getByLabel("Feature 4 included").getAttribute("aria-checked"), "true")
    assert(!(await drawer.innerHTML()).includes("[object Object]"), "no feature reads [object Object]")
    await page.screenshot({ path: shot("tier-form-rows") })
    await drawer.getByLabel("Feature 1 value").fill("10")
    await drawer.getByRole("button", { name: "Move feature 4 up" }).click()
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the tier drawer")
    await featuresAre("Select", [coverage(10), photos(600), "Second shooter", album(false), assistant(false)])
  })

  check("the API's refusal shows in the tier form, and a row from the segment's other tiers can be added", async () => {
    await segmentRow().getByRole("button", { name: "Actions for tier Essential", exact: true }).click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    const drawer = page.getByTestId("tier-drawer")
    await drawer.getByRole("button", { name: "Add row Second shooter from this segment" }).click()
    assert.equal(await drawer.getByLabel("Feature 5 label").inputValue(), "Second shooter")
    await drawer.getByLabel("Feature 1 value").fill("")
    await drawer.getByTestId("drawer-submit").click()
    await visible(page.getByText(/a feature value must not be empty/), "the API's message in a toast")
    await drawer.getByLabel("Feature 1 value").fill("9")
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the tier drawer")
    await featuresAre("Essential", [coverage(9), photos(400), album(false), assistant(false), "Second shooter"])
  })
})
