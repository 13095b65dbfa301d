import fc from "fast-check"
import { buildComparison, buildRows, featureGains, featureStrings, TierFeature, ValuedFeature } from "../comparison"

describe("buildComparison", () => {
  it("lists every feature once, in order of first appearance, with a flag per tier", () => {
    const { features, matrix } = buildComparison([
      { features: ["Gallery", "6 hours"] },
      { features: ["Gallery", "8 hours", "Second shooter"] },
      { features: ["Album", "Gallery"] },
    ])
    expect({ features, matrix }).toEqual({
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
      rows: [{ key: "A", group: null, label: "A", values: [null, true], units: [null, null], display: ["—", "Included"], better: [false, true] }],
    })
    expect(buildComparison([])).toEqual({ features: [], matrix: {}, rows: [] })
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

const coverage = (value: number, unit: string | null = "h", label = "Coverage"): ValuedFeature => ({ key: "coverage", label, group: "Coverage", value, unit })
const photos = (value: number | string): ValuedFeature => ({ key: "edited-photos", label: "Edited photos", group: "Deliverables", value })
const shooter = (value: boolean): ValuedFeature => ({ key: "second-shooter", label: "Second shooter", group: "Team", value })
const album = (value: string | boolean): ValuedFeature => ({ key: "album", label: "Album", group: "Deliverables", value })

describe("buildRows", () => {
  it("aligns tiers on shared keys, one row per key, with values, display and what each tier adds", () => {
    const rows = buildRows([
      { features: [coverage(8), photos(200), "Online gallery"] },
      { features: [coverage(10), photos(400), shooter(true), "Online gallery"] },
      { features: [coverage(12), photos(400), shooter(true), album("Heirloom"), "Online gallery"] },
    ])
    expect(rows).toEqual([
      { key: "coverage", group: "Coverage", label: "Coverage", values: [8, 10, 12], units: ["h", "h", "h"], display: ["8 h", "10 h", "12 h"], better: [false, true, true] },
      { key: "edited-photos", group: "Deliverables", label: "Edited photos", values: [200, 400, 400], units: [null, null, null], display: ["200", "400", "400"], better: [false, true, false] },
      { key: "album", group: "Deliverables", label: "Album", values: [null, null, "Heirloom"], units: [null, null, null], display: ["—", "—", "Heirloom"], better: [false, false, true] },
      { key: "Online gallery", group: null, label: "Online gallery", values: [true, true, true], units: [null, null, null], display: ["Included", "Included", "Included"], better: [false, false, false] },
      { key: "second-shooter", group: "Team", label: "Second shooter", values: [null, true, true], units: [null, null, null], display: ["—", "Included", "Included"], better: [false, true, false] },
    ])
  })

  it("keeps groups together in order of first appearance, rows by first appearance", () => {
    const rows = buildRows([
      { features: [shooter(true), coverage(6), "Gallery", photos(100)] },
      { features: [album(true), coverage(8)] },
    ])
    expect(rows.map((r) => [r.group, r.key])).toEqual([
      ["Team", "second-shooter"],
      ["Coverage", "coverage"],
      [null, "Gallery"],
      ["Deliverables", "edited-photos"],
      ["Deliverables", "album"],
    ])
  })

  it("takes a shared row's label and group from the lowest level that has it, whatever the order given", () => {
    const low = { level: 1, features: [coverage(8, "h", "Coverage"), { key: "film", label: "Film", value: true }] }
    const high = { level: 2, features: [coverage(10, "h", "Hours of coverage"), { key: "film", label: "Highlight film", group: "Deliverables", value: "Feature" }] }
    for (const tiers of [[low, high], [high, low]]) {
      const rows = buildRows(tiers)
      expect(rows.map((r) => [r.key, r.label, r.group])).toEqual([
        ["coverage", "Coverage", "Coverage"],
        ["film", "Film", "Deliverables"],
      ])
    }
    // The values follow the order given.
    expect(buildRows([high, low])[0].values).toEqual([10, 8])
    expect(buildRows([high, low])[0].better).toEqual([false, false])
  })

  it.each<[string, ValuedFeature | null, ValuedFeature | null, boolean]>([
    ["a bigger number, same unit", coverage(8), coverage(10), true],
    ["the same number", coverage(8), coverage(8), false],
    ["a smaller number", coverage(10), coverage(8), false],
    ["a bigger number in another unit", coverage(8, "h"), coverage(2, "days"), false],
    ["a number with a unit after one without", coverage(8, null), coverage(10, "h"), false],
    ["a number where there was none", null, coverage(6), true],
    ["a number over zero", coverage(0), coverage(2), true],
    ["zero over nothing", null, coverage(0), false],
    ["yes over no", shooter(false), shooter(true), true],
    ["yes over absent", null, shooter(true), true],
    ["yes over yes", shooter(true), shooter(true), false],
    ["no over absent", null, shooter(false), false],
    ["a text where there was none", null, album("Heirloom"), true],
    ["a text over no", album(false), album("Heirloom"), true],
    ["a different text", album("Classic"), album("Heirloom"), false],
    ["the same text", album("Heirloom"), album("Heirloom"), false],
    ["a text over yes", album(true), album("Heirloom"), false],
    ["yes over a text", album("Classic"), album(true), false],
    ["a number over a text", photos("Unlimited"), photos(600), false],
    ["absent after something", coverage(8), null, false],
  ])("better: %s -> %p", (_, before, after, better) => {
    const rows = buildRows([{ features: before ? [before] : [] }, { features: after ? [after] : [] }])
    expect(rows).toHaveLength(1)
    expect(rows[0].better).toEqual([false, better])
  })

  it("reads numbers with units, yes as Included, no and absent as a dash, text as itself", () => {
    const rows = buildRows([
      { features: [coverage(7.5), photos(1200), shooter(false), album("Leather, 30 pages")] },
      { features: [] },
    ])
    expect(rows.map((r) => r.display)).toEqual([
      ["7.5 h", "—"],
      ["1,200", "—"],
      ["Leather, 30 pages", "—"],
      ["—", "—"],
    ])
  })

  it("copes with a key repeated in one tier (refused at input): the first counts", () => {
    expect(buildRows([{ features: [coverage(8), coverage(10)] }])[0].values).toEqual([8])
  })
})

describe("buildComparison with valued features", () => {
  const signature = [
    { features: [coverage(8), "Online gallery", shooter(false)] },
    { features: [coverage(10), "Online gallery", shooter(true)] },
    { features: [coverage(12), "Online gallery", shooter(true), album("Heirloom")] },
  ]

  it("lists a valued row once, by its label, ticked wherever the tier offers it: no cross under a tier that offers more", () => {
    const { features, matrix } = buildComparison(signature)
    expect(features).toEqual(["Coverage", "Online gallery", "Second shooter", "Album"])
    expect(matrix).toEqual({
      Coverage: [true, true, true],
      "Online gallery": [true, true, true],
      "Second shooter": [false, true, true],
      Album: [false, false, true],
    })
  })

  it("merges a plain feature and a valued row that share a name", () => {
    const { features, matrix } = buildComparison([{ features: ["Album"] }, { features: [album("Heirloom")] }])
    expect(features).toEqual(["Album"])
    expect(matrix).toEqual({ Album: [true, true] })
  })
})

describe("featureGains", () => {
  it("words what the target offers more of, row by row", () => {
    const gains = featureGains(
      [coverage(10), "Online gallery", shooter(true), photos(400), album("Classic")],
      [coverage(12), "Online gallery", shooter(true), photos(600), album("Heirloom"), "Parent albums", { key: "film", label: "Film", value: "Highlight" }]
    )
    // Rows by group (Coverage, none, Team, Deliverables); a different album text is not ranked.
    expect(gains.map((g) => g.text)).toEqual(["Coverage: 10 h → 12 h", "Parent albums", "Film: Highlight", "Edited photos: 400 → 600"])
    expect(gains[0]).toEqual({
      key: "coverage",
      group: "Coverage",
      label: "Coverage",
      from: 10,
      to: 12,
      from_display: "10 h",
      to_display: "12 h",
      text: "Coverage: 10 h → 12 h",
    })
    expect(gains[1]).toEqual(expect.objectContaining({ from: null, to: true, from_display: "—", to_display: "Included" }))
  })

  it("is the plain features not in the current tier when there are only plain features", () => {
    expect(featureGains(["8 hours", "Gallery"], ["10 hours", "Gallery", "Second shooter"]).map((g) => g.text)).toEqual(["10 hours", "Second shooter"])
  })
})

describe("featureStrings", () => {
  it("keeps plain features and words the valued ones a tier offers", () => {
    expect(featureStrings(["Online gallery", coverage(8), shooter(true), shooter(false), album("Heirloom"), photos(0)])).toEqual([
      "Online gallery",
      "Coverage: 8 h",
      "Second shooter",
      "Album: Heirloom",
    ])
  })
})

describe("rows (properties)", () => {
  const key = fc.constantFrom("coverage", "photos", "album", "shooter", "Gallery", "Film")
  const value = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.boolean(), fc.constantFrom("Classic", "Heirloom"))
  const feature: fc.Arbitrary<TierFeature> = fc.oneof(
    key.map((k) => k),
    fc.record({ key, label: key.map((k) => k.toUpperCase() as string), value, unit: fc.constantFrom(null, "h", "days"), group: fc.constantFrom(null, "A", "B") })
  )
  // A tier as the API accepts it: no row key twice.
  const tier = fc.uniqueArray(feature, { selector: (f) => (typeof f === "string" ? f : f.key), maxLength: 6 }).map((features) => ({ features }))
  const tiers = fc.array(tier, { minLength: 1, maxLength: 4 })

  it("gives each row one entry per tier, the tier's own value, in the order given", () => {
    fc.assert(
      fc.property(tiers, (list) => {
        const rows = buildRows(list)
        const keys = rows.map((r) => r.key)
        expect(new Set(keys).size).toBe(keys.length)
        expect(new Set(keys)).toEqual(new Set(list.flatMap((t) => t.features.map((f) => (typeof f === "string" ? f : f.key)))))
        for (const row of rows) {
          expect(row.values).toHaveLength(list.length)
          list.forEach((t, i) => {
            const own = t.features.find((f) => (typeof f === "string" ? f : f.key) === row.key)
            expect(row.values[i]).toEqual(own === undefined ? null : typeof own === "string" ? true : own.value)
          })
        }
        // Groups are contiguous.
        const groups = rows.map((r) => r.group).filter((g, i, all) => i === 0 || all[i - 1] !== g)
        expect(new Set(groups).size).toBe(groups.length)
      })
    )
  })

  it("never crosses out a row under a tier that offers more than the tier before", () => {
    fc.assert(
      fc.property(tiers, (list) => {
        const { matrix, rows } = buildComparison(list)
        for (const row of rows) {
          row.better.forEach((better, i) => {
            if (better) {
              expect(matrix[row.label][i]).toBe(true)
              expect(row.display[i]).not.toBe("—")
            }
          })
          expect(row.better[0]).toBe(false)
        }
      })
    )
  })

  it("keeps features and matrix as before for plain features", () => {
    const plain = fc.array(fc.uniqueArray(key as fc.Arbitrary<string>), { minLength: 1, maxLength: 3 })
    fc.assert(
      fc.property(plain, (lists) => {
        const { features, matrix, rows } = buildComparison(lists.map((features) => ({ features })))
        const before: Record<string, boolean[]> = {}
        for (const f of lists.flat()) {
          before[f] = lists.map((l) => l.includes(f))
        }
        expect(features).toEqual([...new Set(lists.flat())])
        expect(matrix).toEqual(before)
        // A plain feature is better where it appears after a tier without it.
        for (const row of rows) {
          expect(row.better).toEqual(lists.map((l, i) => i > 0 && l.includes(row.key) && !lists[i - 1].includes(row.key)))
        }
      })
    )
  })

  it("gives the same rows whatever order leveled tiers are given in", () => {
    fc.assert(
      fc.property(tiers, fc.nat(), (list, seed) => {
        const leveled = list.map((t, i) => ({ ...t, level: i + 1 }))
        const shuffled = [...leveled].sort((a, b) => ((a.level * 7919 + seed) % 13) - ((b.level * 7919 + seed) % 13))
        const heads = (rows: ReturnType<typeof buildRows>) => rows.map((r) => [r.key, r.label, r.group])
        expect(heads(buildRows(shuffled))).toEqual(heads(buildRows(leveled)))
      })
    )
  })
})
