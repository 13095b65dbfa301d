import { byLevel, tierConflicts, TierSlot } from "../tier-rules"

const slot = (id: string, level: number, extra: Partial<TierSlot> = {}): TierSlot => ({
  id,
  segment_id: "seg_a",
  level,
  name: id,
  is_popular: false,
  ...extra,
})

describe("tierConflicts", () => {
  const live = [slot("one", 1, { is_popular: true }), slot("two", 2)]

  it("accepts a new tier on a free level", () => {
    expect(tierConflicts(live, [{ ...slot("three", 3), id: undefined }])).toEqual([])
  })

  it("refuses a new tier on a taken level, naming both", () => {
    const [problem] = tierConflicts(live, [{ ...slot("again", 1), id: undefined }])
    expect(problem).toContain("Level 1")
    expect(problem).toContain('"one" and "again"')
  })

  it("refuses a second popular tier", () => {
    const problems = tierConflicts(live, [slot("two", 2, { is_popular: true })])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain("more than one popular tier")
  })

  it("lets a tier keep its own level and badge when it changes", () => {
    expect(tierConflicts(live, [slot("one", 1, { is_popular: true, name: "renamed" })])).toEqual([])
  })

  it("allows swapping levels in one change", () => {
    expect(tierConflicts(live, [slot("one", 2, { is_popular: true }), slot("two", 1)])).toEqual([])
  })

  it("judges each segment on its own", () => {
    expect(tierConflicts(live, [{ ...slot("b1", 1, { segment_id: "seg_b", is_popular: true }), id: undefined }])).toEqual([])
  })

  it("does not blame a change for a conflict it did not touch", () => {
    const broken = [slot("x", 1), slot("y", 1)]
    expect(tierConflicts(broken, [{ ...slot("z", 5), id: undefined }])).toEqual([])
  })

  it("catches two new tiers that clash with each other", () => {
    const problems = tierConflicts([], [
      { ...slot("p", 1), id: undefined },
      { ...slot("q", 1), id: undefined },
    ])
    expect(problems).toHaveLength(1)
  })
})

describe("byLevel", () => {
  it("orders tiers by level, then by rank", () => {
    const tiers = [
      { name: "c", level: 2, rank: 0 },
      { name: "b", level: 1, rank: 1 },
      { name: "a", level: 1, rank: 0 },
    ]
    expect([...tiers].sort(byLevel).map((t) => t.name)).toEqual(["a", "b", "c"])
  })
})
