import fs from "node:fs"
import path from "node:path"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateProductsWorkflow, uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import { updateSegmentsWorkflow } from "../workflows/update-segments"
import { DEMO_ADDONS, DEMO_SEGMENTS, DEMO_SHOP_PRODUCTS, DEMO_TIERS } from "./demo-data"
import { mimeTypeOf, PicturePlacement, picturesToPlace } from "./demo-pictures"

/** The demo's own pictures: `<product handle>.svg` and `segment-<segment handle>.svg`. */
export const DEMO_IMAGES_DIR = path.join(__dirname, "demo-images")

/**
 * Uploads the demo's pictures through Medusa's File module and sets them as the products'
 * images and thumbnails and the segments' images. Records that already have a picture are left
 * alone, so a second run uploads nothing.
 */
export async function seedDemoMedia(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // `medusa build` compiles the scripts but copies no pictures: a built server's demo goes without.
  if (!fs.existsSync(DEMO_IMAGES_DIR)) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`No demo pictures in ${DEMO_IMAGES_DIR}: the demo's products and segments keep theirs (or none)`)
    return
  }
  const files = fs.readdirSync(DEMO_IMAGES_DIR)

  const handles = [...DEMO_TIERS, ...DEMO_ADDONS, ...DEMO_SHOP_PRODUCTS].map((p) => p.handle)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "thumbnail", "images.url"],
    filters: { handle: handles },
  })
  const productPlacements = picturesToPlace(
    (products as { id: string; handle: string; thumbnail: string | null; images?: { url: string }[] | null }[]).map((p) => ({
      id: p.id,
      key: p.handle,
      pictures: [p.thumbnail, ...(p.images ?? []).map((i) => i.url)],
    })),
    files
  )

  const segmentsService: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
  const segments = await segmentsService.listSegments({ handle: DEMO_SEGMENTS.map((s) => s.handle) }, { select: ["id", "handle", "image"] })
  const segmentPlacements = picturesToPlace(
    segments.map((s) => ({ id: s.id, key: `segment-${s.handle}`, pictures: [s.image] })),
    files
  )

  const productUrls = await upload(container, productPlacements)
  if (productPlacements.length) {
    await updateProductsWorkflow(container).run({
      input: { products: productPlacements.map((p, i) => ({ id: p.id, images: [{ url: productUrls[i] }], thumbnail: productUrls[i] })) },
    })
  }
  const segmentUrls = await upload(container, segmentPlacements)
  if (segmentPlacements.length) {
    await updateSegmentsWorkflow(container).run({
      input: { segments: segmentPlacements.map((s, i) => ({ id: s.id, image: segmentUrls[i] })) },
    })
  }
}

async function upload(container: MedusaContainer, placements: PicturePlacement[]): Promise<string[]> {
  if (!placements.length) {
    return []
  }
  const { result } = await uploadFilesWorkflow(container).run({
    input: {
      files: placements.map((p) => ({
        filename: p.filename,
        mimeType: mimeTypeOf(p.filename),
        content: fs.readFileSync(path.join(DEMO_IMAGES_DIR, p.filename)).toString("base64"),
        access: "public" as const,
      })),
    },
  })
  return result.map((file) => file.url)
}
