import fc from "fast-check"
import { assignVariant, unitHash } from "../bucketing"

describe("unitHash", () => {
  it("is deterministic and in [0, 1)", () => {
    expect(unitHash("a")).toBe(unitHash("a"))
    expect(unitHash("a")).not.toBe(unitHash("b"))
    fc.assert(fc.property(fc.string(), (s) => unitHash(s) >= 0 && unitHash(s) < 1))
  })
})

describe("assignVariant", () => {
  const variants = [
    { key: "control", weight: 50 },
    { key: "copy_b", weight: 30 },
    { key: "copy_c", weight: 20 },
  ]

  it("splits 100,000 visitors within 1% of the weights, and the traffic within 1% of its percent", () => {
    const counts: Record<string, number> = { control: 0, copy_b: 0, copy_c: 0, out: 0 }
    const N = 100_000
    for (let i = 0; i < N; i++) {
      counts[assignVariant("upsell-copy", `visitor-${i}`, 100, variants) ?? "out"]++
    }
    expect(counts.out).toBe(0)
    expect(Math.abs(counts.control / N - 0.5)).toBeLessThan(0.01)
    expect(Math.abs(counts.copy_b / N - 0.3)).toBeLessThan(0.01)
    expect(Math.abs(counts.copy_c / N - 0.2)).toBeLessThan(0.01)

    let inside = 0
    for (let i = 0; i < N; i++) {
      if (assignVariant("upsell-copy", `visitor-${i}`, 10, variants)) inside++
    }
    expect(Math.abs(inside / N - 0.1)).toBeLessThan(0.01)
  })

  it("is sticky: the same visitor gets the same answer every time", () => {
    fc.assert(
      fc.property(fc.string(), (visitor) => {
        expect(assignVariant("exp", visitor, 50, variants)).toBe(assignVariant("exp", visitor, 50, variants))
      })
    )
  })

  it("never moves a visitor to another variant when the traffic rises (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (visitor, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        const before = assignVariant("exp", visitor, low, variants)
        const after = assignVariant("exp", visitor, high, variants)
        if (before !== null) {
          expect(after).toBe(before)
        }
      })
    )
  })

  it("keeps no one at 0% traffic, and no one without variants or weights", () => {
    expect(assignVariant("exp", "v", 0, variants)).toBeNull()
    expect(assignVariant("exp", "v", 100, [])).toBeNull()
    expect(assignVariant("exp", "v", 100, [{ key: "a", weight: 0 }])).toBeNull()
  })

  it("puts different experiments' buckets independently", () => {
    let same = 0
    for (let i = 0; i < 10_000; i++) {
      const a = assignVariant("exp-a", `v${i}`, 100, [{ key: "x", weight: 1 }, { key: "y", weight: 1 }])
      const b = assignVariant("exp-b", `v${i}`, 100, [{ key: "x", weight: 1 }, { key: "y", weight: 1 }])
      if (a === b) same++
    }
    expect(Math.abs(same / 10_000 - 0.5)).toBeLessThan(0.03)
  })
})
