import { imageFileProblem, MAX_IMAGE_BYTES } from "../image-file"

describe("imageFileProblem", () => {
  it("accepts an image type up to the size limit", () => {
    expect(imageFileProblem({ name: "hero.png", type: "image/png", size: 1200 })).toBeNull()
    expect(imageFileProblem({ name: "hero.svg", type: "image/svg+xml", size: MAX_IMAGE_BYTES })).toBeNull()
  })

  it("refuses a file that is not an image, naming it and its type", () => {
    expect(imageFileProblem({ name: "notes.txt", type: "text/plain", size: 10 })).toBe(
      "notes.txt is not an image (text/plain): choose a PNG, JPEG, WebP, GIF or SVG file."
    )
    expect(imageFileProblem({ name: "blob", type: "", size: 10 })).toMatch(/^blob is not an image \(unknown type\)/)
  })

  it("refuses an image one byte over the limit, with its size and the limit", () => {
    expect(imageFileProblem({ name: "huge.jpg", type: "image/jpeg", size: MAX_IMAGE_BYTES + 1 })).toBe(
      "huge.jpg is 5.0 MB: an image can be at most 5.0 MB."
    )
    expect(imageFileProblem({ name: "huge.jpg", type: "image/jpeg", size: 6 * 1024 * 1024 })).toBe(
      "huge.jpg is 6.0 MB: an image can be at most 5.0 MB."
    )
  })
})
