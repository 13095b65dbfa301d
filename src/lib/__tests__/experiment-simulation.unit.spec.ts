import { sampleRatioCheck } from "../sample-ratio"
import { seeded, simulate } from "./simulate"

// Simulated experiments read after every simulated day, as a merchant reads the report. Seeds are
// fixed, so the figures are the same on every run; the bounds are what the counts can justify.

/** Three standard errors above a share `p` estimated from `runs` trials: exceeded by chance about 1 time in 740. */
const upperBound = (p: number, runs: number) => p + 3 * Math.sqrt((p * (1 - p)) / runs)

describe("always-valid inference, simulated", () => {
  // 2,000 A/A experiments, 200 visitors a day for 28 days split 50/50, both arms converting 10%.
  const AA = { days: 28, visitorsPerDay: 200, arms: [{ rate: 0.1, weight: 1 }, { rate: 0.1, weight: 1 }] }
  const RUNS = 2000
  const bound = upperBound(0.05, RUNS) // 0.0646

  it("A/A read daily: the always-valid test declares a difference in at most 5% of experiments; the fixed-horizon z-test read the same way does not", () => {
    const result = simulate(AA, RUNS, 19)
    expect(result.sequential).toBeLessThanOrEqual(bound)
    expect(result.revenue).toBeLessThanOrEqual(bound)
    // The old test, valid for a single look, read 28 times finds a "winner" in about a quarter of them.
    expect(result.fixedHorizon).toBeGreaterThan(bound)
  })

  it("A/A/A with uneven weights (2:1:1): alpha is shared by the two comparisons and the experiment keeps 5%", () => {
    const result = simulate({ days: 28, visitorsPerDay: 300, arms: [{ rate: 0.1, weight: 2 }, { rate: 0.1, weight: 1 }, { rate: 0.1, weight: 1 }] }, 1000, 23)
    expect(result.sequential).toBeLessThanOrEqual(upperBound(0.05, 1000))
    expect(result.fixedHorizon).toBeGreaterThan(upperBound(0.05, 1000))
  })

  it("A/B with a known effect is found: 10% against 14% conversion, 2,800 visitors per arm over 28 days, in at least 90% of 300 runs", () => {
    const result = simulate({ days: 28, visitorsPerDay: 200, arms: [{ rate: 0.1, weight: 1 }, { rate: 0.14, weight: 1 }] }, 300, 29)
    expect(result.sequential).toBeGreaterThanOrEqual(0.9)
  })

  it("a 50% higher revenue per order at the same conversion is found by the revenue interval, not by the conversion test", () => {
    const result = simulate(
      { days: 28, visitorsPerDay: 200, arms: [{ rate: 0.1, weight: 1, revenue: 100 }, { rate: 0.1, weight: 1, revenue: 150 }] },
      300,
      31
    )
    expect(result.revenue).toBeGreaterThanOrEqual(0.9)
    expect(result.sequential).toBeLessThanOrEqual(upperBound(0.05, 300))
  })
})

describe("sample-ratio mismatch, simulated", () => {
  /** Visitors assigned by weight; `keep` is the share of each variant's visitors that reach the exposure count. */
  function split(visitors: number, weights: number[], keep: number[], random: () => number) {
    const total = weights.reduce((s, w) => s + w, 0)
    const counts = weights.map(() => 0)
    for (let n = 0; n < visitors; n++) {
      let point = random() * total
      let arm = 0
      while (arm < weights.length - 1 && (point -= weights[arm]) >= 0) arm++
      if (random() < keep[arm]) counts[arm]++
    }
    return counts.map((c, i) => ({ key: `v${i}`, weight: weights[i], visitors: c }))
  }

  it("a 10% skew (one arm of a 50/50 split loses 1 visitor in 10) is flagged at 10,000 assigned visitors in at least 95% of runs, and always at 20,000", () => {
    // Expected chi-square about 0.00277 per visitor: 27.7 at 10,000 (power about 97.6% at p < 0.001), 55 at 20,000.
    const random = seeded(37)
    const flagged = (visitors: number, runs: number) =>
      Array.from({ length: runs }, () => sampleRatioCheck(split(visitors, [1, 1], [1, 0.9], random)).flagged).filter(Boolean).length / runs
    expect(flagged(10_000, 300)).toBeGreaterThanOrEqual(0.95)
    expect(flagged(20_000, 100)).toBe(1)
  })

  it("a correct split (2:1:1, 1,000 visitors) is flagged about 1 time in 1,000", () => {
    // 10,000 runs: about 10 flags expected; a Poisson(10) count lies in 3..21 with probability 0.997.
    const random = seeded(41)
    let flags = 0
    for (let r = 0; r < 10_000; r++) if (sampleRatioCheck(split(1000, [2, 1, 1], [1, 1, 1], random)).flagged) flags++
    expect(flags).toBeGreaterThanOrEqual(3)
    expect(flags).toBeLessThanOrEqual(21)
  })
})
