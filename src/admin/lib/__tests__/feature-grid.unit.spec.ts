import fc from "fast-check"
import type { TierFeature, ValuedFeature } from "../../../lib/comparison"
import { addGridRow, changedColumns, columnFeatures, featureGrid, gridGroups, gridMarks, removeGridRow, setGridCell, type GridColumn } from "../feature-grid"
import { blankRow } from "../feature-rows"

const row = (key: string, label: string, group: string, unit: string | null = null) => (value: ValuedFeature["value"]): ValuedFeature => ({ key, label, group, value, unit })
const coverage = row("coverage", "Coverage", "Coverage", "h")
const photos = row("edited-photos", "Edited photos", "Deliverables")
const album = row("heirloom-album", "Heirloom album", "Deliverables")

const tiers = (): GridColumn[] => [
  // Given out of order: the grid's columns go by level.
  { id: "tier_3", level: 3, name: "Complete", features: [coverage(12), photos("unlimited"), album(true), "Second shooter"] },
  { id: "tier_1", level: 1, name: "Essential", features: [coverage(8), photos(400), album(false)] },
  { id: "tier_2", level: 2, name: "Select", features: [coverage(10), photos(600), album(false), "Second shooter"] },
]

const at = (grid: ReturnType<typeof featureGrid>, label: string) => grid.rows.findIndex((r) => r.head.label === label)

describe("featureGrid", () => {
  it("lays the tiers out by level and their rows grouped, each tier's value in its column", () => {
    const grid = featureGrid(tiers())
    expect(grid.columns.map((c) => c.level)).toEqual([1, 2, 3])
    expect(grid.rows.map((r) => [r.head.group, r.head.label, r.head.kind, r.head.plain])).toEqual([
      ["Coverage", "Coverage", "number", false],
      ["Deliverables", "Edited photos", "number", false],
      ["Deliverables", "Heirloom album", "yesno", false],
      ["", "Second shooter", "yesno", true],
    ])
    expect(grid.rows[0].cells.map((c) => c.value)).toEqual(["8", "10", "12"])
    expect(grid.rows[3].cells.map((c) => c.present)).toEqual([false, true, true])
    expect(gridGroups(grid)).toEqual([
      { group: "Coverage", rows: [0] },
      { group: "Deliverables", rows: [1, 2] },
      { group: "", rows: [3] },
    ])
  })

  it("an untouched grid changes no tier; each tier's features come back as they were", () => {
    const grid = featureGrid(tiers())
    expect(changedColumns(grid)).toEqual([])
    grid.columns.forEach((column, i) => expect(columnFeatures(grid, i)).toStrictEqual(column.features))
  })

  it("marks where a tier offers more than the tier below, as the storefront does", () => {
    const grid = featureGrid(tiers())
    expect(gridMarks(grid)).toEqual([
      [false, true, true],
      [false, true, false],
      [false, false, true],
      [false, true, false],
    ])
  })
})

describe("editing the grid", () => {
  it("a changed value updates that tier only, in place, keeping the rest exactly", () => {
    const grid = setGridCell(featureGrid(tiers()), 0, 1, { value: "11" })
    expect(changedColumns(grid)).toEqual([{ id: "tier_2", features: [coverage(11), photos(600), album(false), "Second shooter"] }])
  })

  it("a number row cell may hold a text, and a text typed as it was keeps its kind", () => {
    let grid = featureGrid(tiers())
    grid = setGridCell(grid, at(grid, "Edited photos"), 0, { value: "all" })
    expect(columnFeatures(grid, 0)[1]).toEqual({ key: "edited-photos", label: "Edited photos", group: "Deliverables", value: "all" })
    expect(changedColumns(grid).map((c) => c.id)).toEqual(["tier_1"])
  })

  it("a plain feature ticked in another tier is added there as the same plain string; unticked, it goes", () => {
    let grid = featureGrid(tiers())
    const shooter = at(grid, "Second shooter")
    grid = setGridCell(grid, shooter, 0, { included: true })
    grid = setGridCell(grid, shooter, 2, { included: false })
    expect(changedColumns(grid)).toEqual([
      { id: "tier_1", features: [coverage(8), photos(400), album(false), "Second shooter"] },
      { id: "tier_3", features: [coverage(12), photos("unlimited"), album(true)] },
    ])
  })

  it("a keyed yes/no unticked says no rather than leaving the row", () => {
    let grid = featureGrid(tiers())
    grid = setGridCell(grid, at(grid, "Heirloom album"), 2, { included: false })
    expect(columnFeatures(grid, 2)[2]).toEqual({ key: "heirloom-album", label: "Heirloom album", group: "Deliverables", value: false })
  })

  it("a cleared value leaves the tier's row out", () => {
    const grid = setGridCell(featureGrid(tiers()), 0, 0, { value: " " })
    expect(columnFeatures(grid, 0)).toEqual([photos(400), album(false)])
  })

  it("a new row goes to every tier: a number row where filled, a yes/no row as no where not ticked", () => {
    let grid = addGridRow(featureGrid(tiers()), { ...blankRow(), group: "Team", label: "Lighting assistant" })
    grid = setGridCell(grid, grid.rows.length - 1, 2, { included: true })
    grid = addGridRow(grid, { ...blankRow(), group: "Deliverables", label: "Film", kind: "number", unit: "min" })
    grid = setGridCell(grid, grid.rows.length - 1, 1, { value: "5" })
    grid = setGridCell(grid, grid.rows.length - 1, 2, { value: "20" })
    const assistant = (value: boolean) => ({ key: "lighting-assistant", label: "Lighting assistant", group: "Team", value })
    const film = (value: number) => ({ key: "film", label: "Film", group: "Deliverables", value, unit: "min" })
    expect(changedColumns(grid)).toEqual([
      { id: "tier_1", features: [...tiers()[1].features, assistant(false)] },
      { id: "tier_2", features: [...tiers()[2].features, assistant(false), film(5)] },
      { id: "tier_3", features: [...tiers()[0].features, assistant(true), film(20)] },
    ])
    expect(gridGroups(grid).map((g) => g.group)).toEqual(["Coverage", "Deliverables", "", "Team"])
    expect(gridMarks(grid)[grid.rows.length - 1]).toEqual([false, true, true])
  })

  it("a removed row leaves every tier", () => {
    const grid = removeGridRow(featureGrid(tiers()), 0)
    expect(changedColumns(grid).map((c) => c.features[0])).toEqual([photos(400), photos(600), photos("unlimited")])
  })
})

const key = fc.stringMatching(/^[a-z]{1,6}$/)
const valued = fc.record({
  key,
  label: fc.stringMatching(/^[A-Z][a-z]{0,6}$/),
  group: fc.constantFrom("Coverage", "Team", null),
  value: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.boolean(), fc.constantFrom("digital", "printed")),
  unit: fc.constantFrom("h", null),
})
const feature: fc.Arbitrary<TierFeature> = fc.oneof(fc.stringMatching(/^[A-Z][a-z]{0,6} [a-z]{1,4}$/), valued)
const tierList = fc.array(fc.uniqueArray(feature, { maxLength: 6, selector: (f) => (typeof f === "string" ? f : f.key) }), { minLength: 1, maxLength: 4 })

describe("grid round trip", () => {
  it("for any tiers, an untouched grid gives back every tier's features and changes none", () => {
    fc.assert(
      fc.property(tierList, (lists) => {
        const grid = featureGrid(lists.map((features, i) => ({ id: `tier_${i}`, level: i + 1, name: `T${i}`, features })))
        lists.forEach((features, i) => expect(columnFeatures(grid, i)).toStrictEqual(features))
        expect(changedColumns(grid)).toEqual([])
      }),
      { numRuns: 300 }
    )
  })
})
