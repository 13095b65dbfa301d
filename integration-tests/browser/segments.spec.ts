// The Segments page (create, tiers in the matrix, clone, delete, bulk archive) and the product
// page's tier widget (assign a product to a segment, edit its tier, remove it), which build on
// each other: the widget assigns into the segment the page created.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { gone, visible } from "../checks"
import { adminApi, adminSession, base, fromSidebar, productBody, runId, sidebarOf, PLUGIN_ENTRY } from "./admin"

const RUN = runId()
const SEGMENT = { handle: `signature-${RUN}`, name: `Signature ${RUN}` }
const CLONE = { handle: `signature-copy-${RUN}`, name: `Signature copy ${RUN}` }
const PRODUCT_TITLE = `Harbour Wedding ${RUN}`

describe("segments and the product tier widget", () => {
  const session = adminSession("segments")
  const { check, shot } = session
  let page: Page
  let product: any
  let drawer: Locator
  let segmentDrawer: Locator
  let widget: Locator
  const row = (handle: string) => page.getByTestId(`segment-row-${handle}`)
  const cell = (handle: string, level: number) => page.getByTestId(`tier-cell-${handle}-${level}`)

  const openSegments = async () => {
    await page.goto(`${base}/app/tiered/segments`)
    await visible(page.getByRole("heading", { name: "Segments", level: 1 }), "the Segments heading", 60_000)
  }
  /** Adds plain features as rows of the tier form: a label each, yes by default. */
  const addFeatures = async (labels: string[]) => {
    const start = await drawer.getByTestId(/^feature-row-/).count()
    for (const [i, label] of labels.entries()) {
      await drawer.getByRole("button", { name: "Add feature", exact: true }).click()
      await drawer.getByLabel(`Feature ${start + i + 1} label`).fill(label)
    }
  }
  const openSegmentMenu = async (name: string, item: string) => {
    await page.getByRole("button", { name: `Actions for segment ${name}` }).click()
    await page.getByRole("menuitem", { name: item }).click()
  }

  beforeAll(async () => {
    page = session.page
    drawer = page.getByTestId("tier-drawer")
    segmentDrawer = page.getByTestId("segment-drawer")
    widget = page.getByTestId("product-tier-widget")
    // A service product for the widget to assign, made through the admin API as the merchant would.
    ;({ product } = await adminApi(session.token).post("/admin/products", productBody(PRODUCT_TITLE, 5000)))
  })

  check("the sidebar links to the Segments page", async () => {
    await visible(sidebarOf(page).getByRole("link", { name: PLUGIN_ENTRY, exact: true }), "the plugin's entry in the sidebar")
    await fromSidebar(page, "Segments")
    await visible(page.getByRole("heading", { name: "Segments", level: 1 }), "the Segments heading")
    // A fresh database shows the empty state; a reused DATABASE_URL may already hold segments.
    await visible(
      page.getByTestId("segments-message").getByText("No segments yet").or(page.getByTestId("segment-matrix")),
      "the empty state or the matrix"
    )
  })

  check("creates a segment", async () => {
    await page.getByTestId("create-segment").click()
    await segmentDrawer.getByLabel("Handle").fill(SEGMENT.handle)
    await segmentDrawer.getByLabel("Name").fill(SEGMENT.name)
    await segmentDrawer.getByLabel("Description").fill("Polished coverage for the whole day.")
    await segmentDrawer.getByLabel("Audience").fill("Couples planning a classic wedding")
    await segmentDrawer.getByLabel("Price from").fill("5000")
    await segmentDrawer.getByLabel("Price to").fill("10000")
    await segmentDrawer.getByLabel("Rank").fill("2")
    await segmentDrawer.getByLabel("Commission %").fill("10")
    await segmentDrawer.getByLabel("Image URL").fill("https://example.com/signature.jpg")
    await page.screenshot({ path: shot("segment-form") })
    await segmentDrawer.getByTestId("drawer-submit").click()
    await gone(segmentDrawer, "the segment drawer")
    await visible(row(SEGMENT.handle), "the new segment's row")
    const text = await row(SEGMENT.handle).innerText()
    assert(text.includes(SEGMENT.name) && text.includes("10% commission"), `unexpected row: ${text}`)
  })

  check("adds a tier to the segment from the matrix", async () => {
    await page.getByRole("button", { name: `Add level 1 tier to ${SEGMENT.name}` }).click()
    assert((await drawer.getByLabel("Level").inputValue()) === "1", "the level should default to the cell's")
    assert((await drawer.getByLabel("Days").inputValue()) === "1", "a package should span one day by default")
    await drawer.getByLabel("Name").fill("Signature Essential")
    await addFeatures(["6 hours coverage", "Online gallery"])
    await drawer.getByLabel("Max guests").fill("50")
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the tier drawer")
    await visible(cell(SEGMENT.handle, 1).getByText("Signature Essential"), "the tier in level 1")
    const text = await cell(SEGMENT.handle, 1).innerText()
    assert(/No product/.test(text) && /Up to 50 guests/.test(text) && /2 features/.test(text), `unexpected cell: ${text}`)
  })

  check("the product page widget shows the API's refusal (level already taken)", async () => {
    await page.goto(`${base}/app/products/${product.id}`)
    await visible(widget, "the tier widget", 60_000)
    await visible(widget.getByText("not the package of any tier"), "the unassigned state")
    await widget.scrollIntoViewIfNeeded()
    await page.screenshot({ path: shot("product-unassigned") })
    await widget.getByTestId("assign-tier").click()
    assert((await drawer.getByLabel("Name").inputValue()) === PRODUCT_TITLE, "the name should default to the product title")
    await drawer.getByTestId("tier-segment").click()
    await page.getByRole("option", { name: SEGMENT.name }).click()
    await addFeatures(["8 hours coverage", "Second shooter", "Online gallery"])
    await drawer.getByLabel("Max guests").fill("100")
    await drawer.getByLabel("Popular badge").click()
    await drawer.getByTestId("drawer-submit").click()
    await visible(page.getByText(/Level 1 is taken/), "the API's error message in a toast")
    await visible(drawer, "the drawer still open after the refusal")
  })

  check("assigns the product to the segment with the widget, as a two-day package", async () => {
    await drawer.getByLabel("Level").fill("2")
    await drawer.getByLabel("Days").fill("2")
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the tier drawer")
    const { tiers } = await adminApi(session.token).get(`/admin/tiers?product_id=${product.id}`)
    assert(tiers.length === 1 && tiers[0].days === 2 && tiers[0].level === 2, `the tier saved: ${JSON.stringify(tiers.map((t: any) => ({ level: t.level, days: t.days })))}`)
    await visible(widget.getByTestId("product-tier-summary"), "the tier summary")
    assert((await widget.getByTestId("product-tier-segment").innerText()) === SEGMENT.name, "widget segment")
    assert((await widget.getByTestId("product-tier-level").innerText()) === "2", "widget level")
    const name = await widget.getByTestId("product-tier-name").innerText()
    assert(name.includes(PRODUCT_TITLE) && name.includes("Popular"), `widget name: ${name}`)
    await visible(widget.getByText("Second shooter"), "the features")
    await widget.scrollIntoViewIfNeeded()
  })

  check("the matrix shows the product in its segment", async () => {
    await openSegments()
    await visible(cell(SEGMENT.handle, 2).getByText(PRODUCT_TITLE), "the product in level 2")
    const text = await cell(SEGMENT.handle, 2).innerText()
    assert(/Popular/.test(text) && /Up to 100 guests/.test(text) && /3 features/.test(text), `unexpected cell: ${text}`)
    await visible(cell(SEGMENT.handle, 3).getByRole("button", { name: /Add level 3 tier/ }), "an empty level 3")
  })

  check("clones the segment: same tiers, no products", async () => {
    await openSegmentMenu(SEGMENT.name, "Clone")
    await segmentDrawer.getByLabel("Handle").fill(CLONE.handle)
    await segmentDrawer.getByLabel("Name").fill(CLONE.name)
    await segmentDrawer.getByTestId("drawer-submit").click()
    await gone(segmentDrawer, "the clone drawer")
    await visible(row(CLONE.handle), "the clone's row")
    const level2 = await cell(CLONE.handle, 2).innerText()
    assert(level2.includes(PRODUCT_TITLE) && level2.includes("No product"), `unexpected clone cell: ${level2}`)
  })

  check("deletes a segment after the confirmation prompt", async () => {
    await openSegmentMenu(CLONE.name, "Delete")
    const prompt = page.getByRole("alertdialog")
    await visible(prompt, "the confirmation prompt")
    await page.screenshot({ path: shot("delete-prompt") })
    await prompt.getByRole("button", { name: "Delete" }).click()
    await gone(row(CLONE.handle), "the deleted segment's row")
  })

  check("bulk-archives the selected tiers", async () => {
    await page.getByRole("checkbox", { name: "Select tier Signature Essential" }).click()
    await page.getByTestId("archive-selected").click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Archive" }).click()
    await visible(cell(SEGMENT.handle, 1).getByRole("button", { name: /Add level 1 tier/ }), "an empty level 1")
    await visible(cell(SEGMENT.handle, 2).getByText(PRODUCT_TITLE), "level 2 untouched")
  })

  check("edits the product's tier from the widget", async () => {
    await page.goto(`${base}/app/products/${product.id}`)
    await visible(widget.getByTestId("product-tier-summary"), "the tier summary", 60_000)
    await widget.getByRole("button", { name: "Tier actions" }).click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    await drawer.getByLabel("Max guests").fill("120")
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the tier drawer")
    await visible(widget.getByText("120"), "the new max guests")
    await widget.scrollIntoViewIfNeeded()
  })

  check("removes the product from its tier after the confirmation prompt", async () => {
    await widget.getByRole("button", { name: "Tier actions" }).click()
    await page.getByRole("menuitem", { name: "Remove from tier" }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click()
    await visible(widget.getByText("not the package of any tier"), "the unassigned state")
    await widget.scrollIntoViewIfNeeded()
  })
})
