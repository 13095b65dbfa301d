import fs from "node:fs"
import path from "node:path"
import { DEMO_ADDONS, DEMO_SEGMENTS, DEMO_SHOP_PRODUCTS, DEMO_TIERS } from "../demo-data"
import { isMissingPicture, mimeTypeOf, picturesToPlace } from "../demo-pictures"

const IMAGES = path.join(__dirname, "..", "demo-images")

describe("demo pictures", () => {
  it("gives a picture to a holder that has none, or only an older demo's outside placeholder", () => {
    const files = ["essential-starter.svg", "segment-luxury.svg"]
    expect(
      picturesToPlace(
        [
          { id: "prod_1", key: "essential-starter", pictures: [null] },
          { id: "seg_1", key: "segment-luxury", pictures: ["https://placehold.co/800x500?text=Luxury"] },
        ],
        files
      )
    ).toEqual([
      { id: "prod_1", key: "essential-starter", filename: "essential-starter.svg" },
      { id: "seg_1", key: "segment-luxury", filename: "segment-luxury.svg" },
    ])
  })

  it("keeps a picture already there (a merchant's or an earlier run's), and skips holders without a file", () => {
    expect(
      picturesToPlace(
        [
          { id: "prod_1", key: "essential-starter", pictures: [null, "http://localhost:9000/static/1-essential-starter.svg"] },
          { id: "prod_2", key: "someone-elses", pictures: [] },
        ],
        ["essential-starter.svg"]
      )
    ).toEqual([])
  })

  it("tells a missing picture from one in place", () => {
    expect(isMissingPicture(null)).toBe(true)
    expect(isMissingPicture(undefined)).toBe(true)
    expect(isMissingPicture("")).toBe(true)
    expect(isMissingPicture("https://placehold.co/800x500")).toBe(true)
    expect(isMissingPicture("https://cdn.example.com/hero.jpg")).toBe(false)
    expect(isMissingPicture("/static/hero.svg")).toBe(false)
  })

  it("names the type of each picture file, and refuses an unknown one", () => {
    expect(mimeTypeOf("a.svg")).toBe("image/svg+xml")
    expect(mimeTypeOf("a.PNG")).toBe("image/png")
    expect(mimeTypeOf("a.webp")).toBe("image/webp")
    expect(() => mimeTypeOf("notes.txt")).toThrow("notes.txt")
    expect(() => mimeTypeOf("README")).toThrow()
  })

  it("ships one small, self-contained picture per demo product and segment", () => {
    const files = fs.readdirSync(IMAGES).sort()
    const expected = [
      ...[...DEMO_TIERS, ...DEMO_ADDONS, ...DEMO_SHOP_PRODUCTS].map((p) => `${p.handle}.svg`),
      ...DEMO_SEGMENTS.map((s) => `segment-${s.handle}.svg`),
    ].sort()
    expect(files).toEqual(expected)
    let total = 0
    for (const file of files) {
      const text = fs.readFileSync(path.join(IMAGES, file), "utf8")
      total += text.length
      expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/)
      // Nothing fetched from elsewhere, no text needing fonts, no scripts.
      expect(text.replace('xmlns="http://www.w3.org/2000/svg"', "")).not.toMatch(/https?:|href|<text|<script|@import/)
    }
    expect(total).toBeLessThan(300 * 1024)
  })
})
