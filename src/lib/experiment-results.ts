import { MIN_CONVERSIONS, MIN_VISITORS } from "./funnel"
import { SampleRatio, sampleRatioCheck } from "./sample-ratio"
import { ALPHA, AlwaysValid, conversionDifference, meanDifference, meanEstimate } from "./sequential"
import { ProportionTest, rate, twoProportionTest } from "./stats"

export type SequentialDecision = "winner" | "loser" | "keep_running" | "withheld"

/** A variant's conversion against the control, always valid; the numbers are null while withheld or under the minimum sample. */
export type SequentialResult = {
  decision: SequentialDecision
  /** Alpha of this comparison: 0.05 shared among the variants compared with the control. */
  alpha: number
  difference: number | null
  p_value: number | null
  lower: number | null
  upper: number | null
}

export type ExperimentVariantResult = {
  key: string
  weight: number
  visitors: number
  /** Net orders. */
  conversions: number
  /** Visitors with at least one net order: what the conversion tests count. */
  converted_visitors: number
  conversion_rate: number | null
  revenue: number
  revenue_per_visitor: number | null
  /** Variance of the revenue-per-visitor mean (sample variance over visitors / visitors). */
  revenue_per_visitor_variance: number | null
  enough_data: boolean
  /** Fixed-horizon z-test: valid once, at a sample size fixed in advance; null while withheld. */
  comparison: ProportionTest | null
  /** Always-valid comparison of conversion; null for the control. */
  sequential: SequentialResult | null
  /** Revenue per visitor minus the control's, with its always-valid interval; null for the control, while withheld or under the minimum sample. */
  revenue_difference: AlwaysValid | null
}

export type ExperimentJudgement = {
  srm: SampleRatio
  /** What the results mean, in words, and whether to wait. */
  verdict: string
  variants: ExperimentVariantResult[]
}

export type VariantCounts = {
  key: string
  weight: number
  visitors: number
  conversions: number
  converted_visitors: number
  /** Sum over visitors of each one's net revenue, and of its square. */
  revenue: number
  revenue_sum_of_squares: number
}

const enough = (v: { visitors: number; conversions: number }) => v.visitors >= MIN_VISITORS && v.conversions >= MIN_CONVERSIONS

/** A visitor converts once however many orders it placed; exposures and orders are counted apart, so clamp. */
const converted = (v: VariantCounts) => ({ visitors: v.visitors, conversions: Math.min(v.visitors, Math.max(0, v.converted_visitors)) })

const revenueGroup = (v: VariantCounts) => ({ visitors: v.visitors, sum: v.revenue, sum_of_squares: v.revenue_sum_of_squares })

/**
 * An experiment's results: the sample-ratio check of its split, then each variant against the first
 * (the control). While the split is flagged the comparisons are withheld and only the counts show.
 */
export function experimentResults(variants: VariantCounts[]): ExperimentJudgement {
  const srm = sampleRatioCheck(variants)
  const control = variants[0]
  const alpha = ALPHA / Math.max(1, variants.length - 1)
  const results = variants.map((v, i): ExperimentVariantResult => {
    const comparable = i > 0 && !!control && enough(v) && enough(control) && !srm.flagged
    return {
      key: v.key,
      weight: v.weight,
      visitors: v.visitors,
      conversions: v.conversions,
      converted_visitors: v.converted_visitors,
      conversion_rate: rate(v.conversions, v.visitors),
      revenue: v.revenue,
      revenue_per_visitor: rate(v.revenue, v.visitors),
      revenue_per_visitor_variance: meanEstimate(revenueGroup(v))?.variance_of_mean ?? null,
      enough_data: enough(v),
      comparison: comparable ? twoProportionTest(control, v) : null,
      sequential: i === 0 ? null : sequentialResult(srm.flagged, comparable ? conversionDifference(converted(control), converted(v), { alpha }) : null, alpha),
      revenue_difference: comparable ? meanDifference(revenueGroup(control), revenueGroup(v), { alpha }) : null,
    }
  })
  return { srm, verdict: verdict(srm, results), variants: results }
}

function sequentialResult(withheld: boolean, test: AlwaysValid | null, alpha: number): SequentialResult {
  const empty = { alpha, difference: null, p_value: null, lower: null, upper: null }
  if (withheld) return { decision: "withheld", ...empty }
  if (!test) return { decision: "keep_running", ...empty }
  const decision = test.lower > 0 ? "winner" : test.upper < 0 ? "loser" : "keep_running"
  return { decision, alpha, ...test }
}

const KEEP_RUNNING = "keep it running: results stay valid however often you look."

const points = (difference: number) => `${difference > 0 ? "+" : difference < 0 ? "-" : ""}${Math.abs(difference * 100).toFixed(1)}`

/** The experiment's results in one plain sentence. */
export function verdict(srm: SampleRatio, variants: ExperimentVariantResult[]): string {
  if (srm.flagged) {
    return "Visitors are not split as configured (sample-ratio mismatch, p < 0.001): results are withheld; check the assignment."
  }
  if (variants.every((v) => v.visitors === 0)) return "No visitors yet."
  const compared = variants.slice(1)
  if (!compared.length) return "One variant only: there is nothing to compare it with."
  const decided = compared.filter((v) => v.sequential?.decision === "winner" || v.sequential?.decision === "loser")
  if (!decided.length) {
    if (compared.some((v) => v.sequential?.p_value === null)) {
      return `Not enough data yet: each variant needs ${MIN_VISITORS} visitors and ${MIN_CONVERSIONS} orders; ${KEEP_RUNNING}`
    }
    return `No clear difference yet; ${KEEP_RUNNING}`
  }
  const found = decided.map((v) => {
    const s = v.sequential!
    const direction = s.decision === "winner" ? "better" : "worse"
    return `Variant ${v.key} converts ${direction} than the control (${points(s.difference!)} points, 95% always-valid interval ${points(s.lower!)} to ${points(s.upper!)})`
  })
  const first = found.join("; ")
  return decided.length === compared.length ? `${first}; you can stop.` : `${first}; the others show no clear difference yet: ${KEEP_RUNNING}`
}
