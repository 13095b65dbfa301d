import fc from "fast-check"
import type { TierFeature, ValuedFeature } from "../../../lib/comparison"
import {
  blankRow,
  featureRow,
  featureRows,
  moveItem,
  rowFeature,
  rowsFeatures,
  rowSuggestions,
  segmentRowSuggestions,
  slugKey,
} from "../feature-rows"

const coverage: ValuedFeature = { key: "coverage", label: "Coverage", group: "Coverage", value: 8, unit: "h" }

describe("slugKey", () => {
  it("makes a key the API accepts from a label", () => {
    expect(slugKey("Edited photos")).toBe("edited-photos")
    expect(slugKey("  Café & Crème 2 ")).toBe("cafe-creme-2")
    expect(slugKey("!!!")).toBe("feature")
  })

  it("always answers lowercase words joined by single dashes, at most 100 characters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (label) => {
        const key = slugKey(label)
        expect(key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
        expect(key.length).toBeLessThanOrEqual(100)
      })
    )
  })
})

describe("form rows", () => {
  it("reads a plain feature as an included yes/no row and saves it back as the string", () => {
    const row = featureRow("Second shooter")
    expect(row).toMatchObject({ label: "Second shooter", kind: "yesno", included: true, plain: true, key: "" })
    expect(rowFeature(row)).toBe("Second shooter")
    expect(rowFeature({ ...row, label: "  Two shooters " })).toBe("Two shooters")
  })

  it("a plain feature given a value, a group or a no becomes a keyed row", () => {
    const row = featureRow("Online gallery")
    expect(rowFeature({ ...row, kind: "number", value: "12", unit: "months" })).toEqual({
      key: "online-gallery",
      label: "Online gallery",
      value: 12,
      unit: "months",
    })
    expect(rowFeature({ ...row, group: "Deliverables" })).toEqual({ key: "online-gallery", label: "Online gallery", group: "Deliverables", value: true })
    expect(rowFeature({ ...row, included: false })).toEqual({ key: "online-gallery", label: "Online gallery", value: false })
  })

  it("reads a valued feature by its kind and keeps its key when the label changes", () => {
    const row = featureRow(coverage)
    expect(row).toMatchObject({ key: "coverage", kind: "number", value: "8", unit: "h", group: "Coverage" })
    expect(rowFeature({ ...row, label: "Hours", value: "10" })).toEqual({ ...coverage, label: "Hours", value: 10 })
  })

  it("a new row takes its key from its label; text and unit are trimmed", () => {
    expect(rowFeature({ ...blankRow(), label: " Heirloom album ", group: " Deliverables " })).toEqual({
      key: "heirloom-album",
      label: "Heirloom album",
      group: "Deliverables",
      value: true,
    })
    expect(rowFeature({ ...blankRow(), label: "Edited photos", kind: "text", value: " unlimited " })).toEqual({
      key: "edited-photos",
      label: "Edited photos",
      value: "unlimited",
    })
  })

  it("sends what the API must judge as typed: an empty or unreadable number", () => {
    expect(rowFeature({ ...blankRow(), label: "Coverage", kind: "number", value: "" })).toMatchObject({ value: "" })
    expect(rowFeature({ ...blankRow(), label: "Coverage", kind: "number", value: "lots" })).toMatchObject({ value: "lots" })
  })

  it("leaves out rows the merchant left empty", () => {
    expect(rowsFeatures([blankRow(), featureRow("Gallery"), { ...blankRow(), kind: "text" }])).toEqual(["Gallery"])
  })

  it("moves a row up and down, not past the ends", () => {
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"])
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"])
    expect(moveItem(["a", "b"], 0, -1)).toEqual(["a", "b"])
    expect(moveItem(["a", "b"], 1, 2)).toEqual(["a", "b"])
  })
})

// Features as the API answers them: trimmed texts, keys of its pattern, unique keys and names in a tier.
const text = (max: number) =>
  fc
    .string({ minLength: 1, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
const key = fc.stringMatching(/^[a-z0-9]{1,8}(?:[-_][a-z0-9]{1,8}){0,2}$/)
const optional = (arb: fc.Arbitrary<string>) => fc.option(arb, { nil: undefined }).chain((v) => fc.constantFrom(v, v ?? null))
const valued: fc.Arbitrary<ValuedFeature> = fc
  .record({
    key,
    label: text(40),
    group: optional(text(20)),
    value: fc.oneof(text(40), fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)), fc.boolean()),
    unit: optional(text(10)),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as ValuedFeature)
const feature: fc.Arbitrary<TierFeature> = fc.oneof(text(40), valued)
const features = fc.uniqueArray(feature, {
  maxLength: 12,
  selector: (f) => (typeof f === "string" ? f : f.key),
})

describe("features -> form rows -> features", () => {
  it("is the identity for valid features", () => {
    fc.assert(
      fc.property(features, (list) => {
        expect(rowsFeatures(featureRows(list))).toStrictEqual(list)
      }),
      { numRuns: 500 }
    )
  })

  it("holds when the rows' sources are copies: a row is compared by what it says, not by reference", () => {
    fc.assert(
      fc.property(features, (list) => {
        const rows = featureRows(list).map(({ source, ...row }) => ({ ...row, source: JSON.parse(JSON.stringify(source)) }))
        expect(JSON.stringify(rowsFeatures(rows))).toBe(JSON.stringify(list))
      }),
      { numRuns: 200 }
    )
  })
})

describe("row suggestions", () => {
  it("offers the segment's rows this tier lacks, one per key, as empty rows of the same shape", () => {
    const suggestions = rowSuggestions(
      [
        [coverage, "Online gallery"],
        [{ ...coverage, value: 10 }, { key: "album", label: "Album", group: "Deliverables", value: true }],
      ],
      [featureRow("Online gallery")]
    )
    expect(suggestions.map((s) => [s.key, s.label, s.group, s.kind, s.unit, s.value])).toEqual([
      ["coverage", "Coverage", "Coverage", "number", "h", ""],
      ["album", "Album", "Deliverables", "yesno", "", ""],
    ])
  })

  it("takes a segment's other live tiers, not the tier at the form's level", () => {
    const tiers = [
      { level: 1, archived_at: null, features: ["Gallery"] },
      { level: 2, archived_at: null, features: [coverage] },
      { level: 3, archived_at: "2026-01-01", features: ["Drone"] },
    ]
    expect(segmentRowSuggestions({ tiers }, { level: "1", features: [] }).map((s) => s.label)).toEqual(["Coverage"])
    expect(segmentRowSuggestions(undefined, { level: "1", features: [] })).toEqual([])
  })
})
