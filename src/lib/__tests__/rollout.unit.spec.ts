import fc from "fast-check"
import { DEFAULT_LADDER, inStage, nextStage, normalizeLadder, planRolloutChange, previousStage, tenantPlace } from "../rollout"

describe("inStage", () => {
  it("never drops a tenant as the percent rises", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (channel, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        if (inStage(channel, low)) {
          expect(inStage(channel, high)).toBe(true)
        }
      })
    )
  })

  it("lets in no tenant at 0 and every tenant at 100", () => {
    fc.assert(
      fc.property(fc.string(), (channel) => {
        expect(inStage(channel, 0)).toBe(false)
        expect(inStage(channel, 100)).toBe(true)
      })
    )
  })

  it("lets in close to the percent of many tenants, at every rung", () => {
    const tenants = Array.from({ length: 20_000 }, (_, i) => `sc_${i.toString(36).padStart(8, "0")}`)
    for (const percent of [1, 5, 25, 50, 75]) {
      const share = tenants.filter((t) => inStage(t, percent)).length / tenants.length
      expect(Math.abs(share - percent / 100)).toBeLessThan(0.01)
    }
  })

  it("is the same for a tenant on every call (sticky)", () => {
    fc.assert(fc.property(fc.string(), (channel) => expect(tenantPlace(channel)).toBe(tenantPlace(channel))))
  })
})

describe("the ladder", () => {
  it("steps up and down the plan's rungs", () => {
    expect(nextStage(DEFAULT_LADDER, 0)).toBe(5)
    expect(nextStage(DEFAULT_LADDER, 5)).toBe(25)
    expect(nextStage(DEFAULT_LADDER, 30)).toBe(50)
    expect(nextStage(DEFAULT_LADDER, 100)).toBeNull()
    expect(previousStage(DEFAULT_LADDER, 100)).toBe(50)
    expect(previousStage(DEFAULT_LADDER, 30)).toBe(25)
    expect(previousStage(DEFAULT_LADDER, 5)).toBe(0)
    expect(previousStage(DEFAULT_LADDER, 0)).toBeNull()
    expect(normalizeLadder([50, 10, 10, 0])).toEqual([10, 50, 100])
  })

  it("moves strictly up to a rung, or strictly down to a rung or 0", () => {
    const ladders = fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 8 })
    fc.assert(
      fc.property(ladders, fc.integer({ min: 0, max: 100 }), (ladder, percent) => {
        const rungs = normalizeLadder(ladder)
        const up = nextStage(ladder, percent)
        const down = previousStage(ladder, percent)
        if (up !== null) expect(up > percent && rungs.includes(up)).toBe(true)
        else expect(percent).toBe(100)
        if (down !== null) expect(down < percent && (down === 0 || rungs.includes(down))).toBe(true)
        else expect(percent).toBe(0)
      })
    )
  })
})

describe("planRolloutChange", () => {
  const at = (percent: number, paused = false) => ({ percent, paused })

  it("advances a running stage, steps a rollback down, pauses and resumes in place", () => {
    expect(planRolloutChange(DEFAULT_LADDER, at(0), { action: "advance" })).toEqual({ to: at(5) })
    expect(planRolloutChange(DEFAULT_LADDER, at(50), { action: "rollback" })).toEqual({ to: at(25) })
    expect(planRolloutChange(DEFAULT_LADDER, at(50, true), { action: "rollback" })).toEqual({ to: at(25, true) })
    expect(planRolloutChange(DEFAULT_LADDER, at(25), { action: "pause" })).toEqual({ to: at(25, true) })
    expect(planRolloutChange(DEFAULT_LADDER, at(25, true), { action: "resume" })).toEqual({ to: at(25) })
    expect(planRolloutChange(DEFAULT_LADDER, at(25), { action: "set", percent: 10 })).toEqual({ to: at(10) })
  })

  it("refuses a change that changes nothing or has nowhere to go", () => {
    expect(planRolloutChange(DEFAULT_LADDER, at(100), { action: "advance" })).toEqual({ refused: "The rollout is already at 100%" })
    expect(planRolloutChange(DEFAULT_LADDER, at(25, true), { action: "advance" })).toHaveProperty("refused")
    expect(planRolloutChange(DEFAULT_LADDER, at(0), { action: "rollback" })).toHaveProperty("refused")
    expect(planRolloutChange(DEFAULT_LADDER, at(25, true), { action: "pause" })).toHaveProperty("refused")
    expect(planRolloutChange(DEFAULT_LADDER, at(25), { action: "resume" })).toHaveProperty("refused")
    expect(planRolloutChange(DEFAULT_LADDER, at(25), { action: "set", percent: 25 })).toHaveProperty("refused")
  })
})
