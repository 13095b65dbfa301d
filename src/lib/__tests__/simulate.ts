import { experimentResults, VariantCounts } from "../experiment-results"
import { MIN_CONVERSIONS, MIN_VISITORS } from "../funnel"
import { twoProportionTest } from "../stats"

/**
 * A seeded uniform generator (sfc32): the same draws on every run. Adds, xors and shifts only:
 * Math.imul is slow inside Jest's sandbox.
 */
export function seeded(seed: number): () => number {
  let a = seed | 0
  let b = 0x9e3779b9 | 0
  let c = 0x243f6a88 | 0
  let d = 0xb7e15162 | 0
  const next = () => {
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  return next
}

export type Arm = { rate: number; weight: number; revenue?: number }

export type Trial = { days: number; visitorsPerDay: number; arms: Arm[] }

/**
 * One simulated experiment, read after every day the way the report reads it: whether the
 * always-valid test ever declared a difference, whether the old fixed-horizon z-test (same minimum
 * sample) ever called one significant, and the first day the always-valid one did.
 */
export function runTrial(trial: Trial, random: () => number) {
  const total = trial.arms.reduce((s, a) => s + a.weight, 0)
  const counts: VariantCounts[] = trial.arms.map((a, i) => ({
    key: String.fromCharCode(97 + i),
    weight: a.weight,
    visitors: 0,
    conversions: 0,
    converted_visitors: 0,
    revenue: 0,
    revenue_sum_of_squares: 0,
  }))
  let sequentialDay: number | null = null
  let fixedHorizonDay: number | null = null
  let revenueDay: number | null = null
  for (let day = 1; day <= trial.days; day++) {
    for (let n = 0; n < trial.visitorsPerDay; n++) {
      let point = random() * total
      let arm = 0
      while (arm < trial.arms.length - 1 && (point -= trial.arms[arm].weight) >= 0) arm++
      const c = counts[arm]
      c.visitors++
      if (random() < trial.arms[arm].rate) {
        // Order values spread from half to one and a half times the arm's mean.
        const amount = (trial.arms[arm].revenue ?? 100) * (0.5 + random())
        c.conversions++
        c.converted_visitors++
        c.revenue += amount
        c.revenue_sum_of_squares += amount * amount
      }
    }
    const judged = experimentResults(counts)
    if (sequentialDay === null && judged.variants.some((v) => v.sequential?.decision === "winner" || v.sequential?.decision === "loser")) {
      sequentialDay = day
    }
    if (revenueDay === null && judged.variants.some((v) => v.revenue_difference && (v.revenue_difference.lower > 0 || v.revenue_difference.upper < 0))) {
      revenueDay = day
    }
    const enough = (v: VariantCounts) => v.visitors >= MIN_VISITORS && v.conversions >= MIN_CONVERSIONS
    if (fixedHorizonDay === null && enough(counts[0]) && counts.slice(1).some((v) => enough(v) && twoProportionTest(counts[0], v)?.significant)) {
      fixedHorizonDay = day
    }
  }
  return { sequentialDay, fixedHorizonDay, revenueDay, counts }
}

/** The share of `runs` seeded trials in which the always-valid conversion test, the fixed-horizon one and the always-valid revenue interval ever called a difference. */
export function simulate(trial: Trial, runs: number, seed: number) {
  const random = seeded(seed)
  let sequential = 0
  let fixedHorizon = 0
  let revenue = 0
  for (let r = 0; r < runs; r++) {
    const t = runTrial(trial, random)
    if (t.sequentialDay !== null) sequential++
    if (t.fixedHorizonDay !== null) fixedHorizon++
    if (t.revenueDay !== null) revenue++
  }
  return { sequential: sequential / runs, fixedHorizon: fixedHorizon / runs, revenue: revenue / runs }
}
