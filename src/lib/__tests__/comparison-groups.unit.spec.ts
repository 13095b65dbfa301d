import fc from "fast-check"
import { buildRows, ComparisonRow, groupRows, isYesNoRow, ValuedFeature } from "../comparison"

const row = (key: string, group: string | null, values: ComparisonRow["values"] = [true]): ComparisonRow => ({
  key,
  group,
  label: key,
  values,
  units: values.map(() => null),
  display: values.map(String),
  better: values.map(() => false),
})

describe("groupRows", () => {
  it("puts the rows under their headings, groups and rows in the order given", () => {
    const rows = [row("coverage", "Coverage"), row("hours", "Coverage"), row("photos", "Deliverables"), row("gallery", null)]
    expect(groupRows(rows).map((g) => [g.group, g.rows.map((r) => r.key)])).toEqual([
      ["Coverage", ["coverage", "hours"]],
      ["Deliverables", ["photos"]],
      [null, ["gallery"]],
    ])
  })

  it("keeps one heading per group even when a group's rows are apart", () => {
    const rows = [row("a", "Team"), row("b", "Coverage"), row("c", "Team")]
    expect(groupRows(rows).map((g) => [g.group, g.rows.map((r) => r.key)])).toEqual([
      ["Team", ["a", "c"]],
      ["Coverage", ["b"]],
    ])
  })

  it("answers no groups for no rows", () => {
    expect(groupRows([])).toEqual([])
  })

  it("loses and repeats no row, and the rows buildRows answers come back in the same order (property)", () => {
    const feature = fc.record({
      key: fc.constantFrom("coverage", "photos", "album", "shooter", "film"),
      label: fc.constantFrom("Coverage", "Photos", "Album"),
      group: fc.constantFrom("Coverage", "Deliverables", "Team", null),
      value: fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 20 }), fc.constantFrom("Digital", "Printed")),
      unit: fc.constantFrom("h", null),
    })
    fc.assert(
      fc.property(fc.array(fc.array(feature, { maxLength: 5 }), { minLength: 1, maxLength: 3 }), (lists) => {
        const rows = buildRows(lists.map((features: ValuedFeature[]) => ({ features })))
        const groups = groupRows(rows)
        expect(groups.flatMap((g) => g.rows)).toEqual(rows)
        expect(new Set(groups.map((g) => g.group)).size).toBe(groups.length)
        for (const g of groups) expect(g.rows.every((r) => r.group === g.group)).toBe(true)
      })
    )
  })
})

describe("isYesNoRow", () => {
  it("is true for plain features and valued yes/no rows, false where a tier has a number or a text", () => {
    const [plain, yesNo, hours, text] = buildRows([
      { features: ["Online gallery", { key: "album", label: "Album", value: false }, { key: "coverage", label: "Coverage", value: 8, unit: "h" }] },
      { features: ["Online gallery", { key: "album", label: "Album", value: true }, { key: "coverage", label: "Coverage", value: 10, unit: "h" }, { key: "prints", label: "Prints", value: "Fine art" }] },
    ])
    expect([plain.key, yesNo.key, hours.key, text.key]).toEqual(["Online gallery", "album", "coverage", "prints"])
    expect([plain, yesNo, hours, text].map(isYesNoRow)).toEqual([true, true, false, false])
  })
})
