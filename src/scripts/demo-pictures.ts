/** Which demo records still need their picture, and its file. Plain data in and out. */
import { MedusaError } from "@medusajs/framework/utils"

/** Older demo seeds pointed segments at this outside host; such an image is replaced. */
const PLACEHOLDER_HOST = "placehold.co"

export type PictureHolder = { id: string; key: string; pictures: (string | null | undefined)[] }

export type PicturePlacement = { id: string; key: string; filename: string }

const MIME_TYPES: Record<string, string> = { ".svg": "image/svg+xml", ".png": "image/png", ".webp": "image/webp", ".jpg": "image/jpeg" }

export function mimeTypeOf(filename: string): string {
  const dot = filename.lastIndexOf(".")
  const type = dot < 0 ? undefined : MIME_TYPES[filename.slice(dot).toLowerCase()]
  if (!type) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `No picture type for ${filename}`)
  }
  return type
}

/** A picture the demo may replace: none, or an outside placeholder of an older demo. */
export function isMissingPicture(url: string | null | undefined): boolean {
  if (!url) {
    return true
  }
  try {
    return new URL(url).hostname === PLACEHOLDER_HOST
  } catch {
    return false
  }
}

/**
 * The holders to give their demo picture: those with no picture of their own (a merchant's
 * picture is kept) for which a file `<key>.<ext>` exists.
 */
export function picturesToPlace(holders: PictureHolder[], files: string[]): PicturePlacement[] {
  const byKey = new Map(files.map((f) => [f.slice(0, f.lastIndexOf(".")), f]))
  return holders.flatMap((holder) => {
    const filename = byKey.get(holder.key)
    return filename && holder.pictures.every(isMissingPicture) ? [{ id: holder.id, key: holder.key, filename }] : []
  })
}
