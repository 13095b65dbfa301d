// The segment form's "Upload image": a picture chosen in the edit drawer goes through Medusa's
// admin upload route (the File module's local provider in this app), its URL fills the Image URL
// field with a preview, and saving stores it on the segment; the URL serves the file's bytes. A
// file that is not an image, or too big, is refused in the form with a message and never sent.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { gone, loadedWidth, visible } from "../checks"
import { adminApi, adminSession, base, runId, type AdminApi } from "./admin"

const RUN = runId()
const SEGMENT = { handle: `pictured-${RUN}`, name: `Pictured ${RUN}` }
// A 1 x 1 PNG, as a merchant's photo would arrive from the file picker.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64")

describe("the segment form's image upload", () => {
  const session = adminSession("image-upload")
  const { check, shot } = session
  let page: Page
  let admin: AdminApi
  let drawer: Locator
  let segmentId: string
  let uploadedUrl: string
  /** The admin upload requests the page sends, counted from the start of a check. */
  let uploads = 0
  const imageField = () => drawer.getByLabel("Image URL")
  const fileInput = () => drawer.locator('input[type="file"]')
  const storedImage = async () => (await admin.get(`/admin/segments/${segmentId}`)).segment.image

  const openEdit = async () => {
    await page.goto(`${base}/app/tiered/segments`)
    await visible(page.getByTestId(`segment-row-${SEGMENT.handle}`), "the segment's row", 60_000)
    await page.getByRole("button", { name: `Actions for segment ${SEGMENT.name}` }).click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    await visible(drawer, "the segment drawer")
  }

  beforeAll(async () => {
    page = session.page
    admin = adminApi(session.token)
    drawer = page.getByTestId("segment-drawer")
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/admin/uploads") uploads++
    })
    ;({
      segment: { id: segmentId },
    } = await admin.post("/admin/segments", { ...SEGMENT, rank: 60 }))
  })

  check("a PNG chosen in the edit drawer is uploaded: its URL fills the field and its preview shows", async () => {
    await openEdit()
    assert.equal(await imageField().inputValue(), "", "the segment starts without an image")
    assert.equal(await drawer.getByTestId("image-preview").count(), 0, "no preview without an image")
    uploads = 0
    await fileInput().setInputFiles({ name: "hero.png", mimeType: "image/png", buffer: PNG })
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>("#segment-image")?.value ?? "") !== "")
    uploadedUrl = await imageField().inputValue()
    assert(uploadedUrl.startsWith(`${base}/static/`) && uploadedUrl.endsWith(".png"), `a URL on this server's File module: ${uploadedUrl}`)
    assert.equal(uploads, 1, "one upload request")
    const preview = drawer.getByTestId("image-preview")
    await visible(preview, "the preview")
    assert.equal(await preview.getAttribute("src"), uploadedUrl, "the preview shows the uploaded file")
    const width = await loadedWidth(preview)
    assert(width > 0, `the preview loaded (naturalWidth ${width})`)
    await page.screenshot({ path: shot("uploaded") })
  })

  check("saving stores the uploaded URL on the segment, and the URL serves the file's bytes", async () => {
    await drawer.getByTestId("drawer-submit").click()
    await gone(drawer, "the segment drawer")
    assert.equal(await storedImage(), uploadedUrl, "the admin API answers the uploaded URL as the segment's image")
    const served = await fetch(uploadedUrl)
    assert.equal(served.status, 200, `GET ${uploadedUrl}`)
    assert(Buffer.from(await served.arrayBuffer()).equals(PNG), "the URL serves the uploaded bytes")
  })

  check("a file that is not an image, or one over 5 MB, is refused with a message, never sent, and the image stays", async () => {
    await openEdit()
    assert.equal(await imageField().inputValue(), uploadedUrl, "the form shows the stored image")
    uploads = 0
    await fileInput().setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") })
    const alert = drawer.getByRole("alert")
    await visible(alert.getByText("notes.txt is not an image (text/plain): choose a PNG, JPEG, WebP, GIF or SVG file."), "the refusal of a text file")
    await page.screenshot({ path: shot("not-an-image") })
    await fileInput().setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]) })
    await visible(alert.getByText("huge.png is 6.0 MB: an image can be at most 5.0 MB."), "the refusal of a big file")
    assert.equal(uploads, 0, "nothing was sent to the upload route")
    assert.equal(await imageField().inputValue(), uploadedUrl, "the field keeps the stored image")
    assert.equal(await drawer.getByTestId("image-preview").getAttribute("src"), uploadedUrl, "the preview keeps the stored image")
    await drawer.getByTestId("drawer-submit").click()
    await visible(page.getByText("Nothing to save"), "nothing changed to save")
    await gone(drawer, "the segment drawer")
    assert.equal(await storedImage(), uploadedUrl, "the segment's image is unchanged")
  })
})
