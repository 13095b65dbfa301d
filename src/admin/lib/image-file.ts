/** The largest picture the admin uploads: a segment hero or a package photo, not a raw file. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

type ChosenFile = { name: string; type: string; size: number }

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/**
 * Why a chosen file is not uploaded as an image, or null when it can be: only image types (the
 * browser's MIME type, image/*), and at most MAX_IMAGE_BYTES. The file picker's `accept` only
 * suggests images; a dropped or forced file still comes here.
 */
export function imageFileProblem(file: ChosenFile): string | null {
  if (!file.type.startsWith("image/")) {
    return `${file.name} is not an image (${file.type || "unknown type"}): choose a PNG, JPEG, WebP, GIF or SVG file.`
  }
  if (file.size > MAX_IMAGE_BYTES) {
    return `${file.name} is ${megabytes(file.size)}: an image can be at most ${megabytes(MAX_IMAGE_BYTES)}.`
  }
  return null
}
