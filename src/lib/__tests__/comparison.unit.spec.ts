import fc from "fast-check"
import { buildComparison } from "../comparison"

describe("buildComparison", () => {
  it("lists every feature once, in order of first appearance, with a flag per tier", () => {
    const result = buildComparison([
      { features: ["Gallery", "6 hours"] },
      { features: ["Gallery", "8 hours", "Second shooter"] },
      { features: ["Album", "Gallery"] },
    ])
    expect(result).toEqual({
      features: ["Gallery", "6 hours", "8 hours", "Second shooter", "Album"],
      matrix: {
        Gallery: [true, true, true],
        "6 hours": [true, false, false],
        "8 hours": [false, true, false],
        "Second shooter": [false, true, false],
        Album: [false, false, true],
      },
    })
  })

  it("handles tiers without features", () => {
    expect(buildComparison([{ features: [] }, { features: ["A"] }])).toEqual({
      features: ["A"],
      matrix: { A: [false, true] },
    })
    expect(buildComparison([])).toEqual({ features: [], matrix: {} })
  })

  it("marks a feature true exactly for the tiers that have it (property)", () => {
    const feature = fc.constantFrom("A", "B", "C", "D", "E", "F")
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(feature), { minLength: 1, maxLength: 3 }), (lists) => {
        const tiers = lists.map((features) => ({ features }))
        const { features, matrix } = buildComparison(tiers)
        expect(new Set(features).size).toBe(features.length)
        expect(new Set(features)).toEqual(new Set(lists.flat()))
        for (const f of features) {
          expect(matrix[f]).toEqual(lists.map((l) => (l as string[]).includes(f)))
        }
        // The same tiers give the same order every time.
        expect(buildComparison(tiers).features).toEqual(features)
      })
    )
  })
})
