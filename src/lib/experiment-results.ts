import { ExperimentVariantResult, MIN_CONVERSIONS, MIN_VISITORS } from "./funnel"
import { rate, twoProportionTest } from "./stats"

/**
 * Per variant: visitors, conversions, conversion rate, revenue per visitor,
 * and the two-sided test against the first variant (the control). A variant,
 * or a control, under the minimum sample has no comparison ("not enough data").
 */
export function experimentResults(
  variants: { key: string; visitors: number; conversions: number; revenue: number }[]
): ExperimentVariantResult[] {
  const enough = (v: { visitors: number; conversions: number }) => v.visitors >= MIN_VISITORS && v.conversions >= MIN_CONVERSIONS
  const control = variants[0]
  return variants.map((v, i) => ({
    key: v.key,
    visitors: v.visitors,
    conversions: v.conversions,
    conversion_rate: rate(v.conversions, v.visitors),
    revenue: v.revenue,
    revenue_per_visitor: rate(v.revenue, v.visitors),
    enough_data: enough(v),
    comparison: i > 0 && control && enough(v) && enough(control) ? twoProportionTest(control, v) : null,
  }))
}
