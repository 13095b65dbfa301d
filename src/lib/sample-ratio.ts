import { chiSquareSurvival } from "./stats"

/** A split this unlikely under the configured weights is a broken assignment, not chance. */
export const SRM_THRESHOLD = 0.001

/** The chi-square approximation needs this many expected visitors in every variant. */
export const SRM_MIN_EXPECTED = 5

export type SampleRatio = {
  /** null while too few visitors to check (fewer than 5 expected in a variant). */
  p_value: number | null
  flagged: boolean
  /** Share of visitors each variant should get, by variant key: its weight over the total. */
  expected_shares: Record<string, number>
  /** Share each variant got, by key; null without visitors. */
  observed_shares: Record<string, number | null>
}

/**
 * Sample-ratio-mismatch check: chi-square goodness of fit of the visitors per variant against the
 * configured weights (k - 1 degrees of freedom over the variants with a weight), flagged when
 * p < 0.001. A variant weighted 0 that still got visitors is a mismatch outright.
 */
export function sampleRatioCheck(variants: { key: string; weight: number; visitors: number }[], threshold = SRM_THRESHOLD): SampleRatio {
  const totalWeight = variants.reduce((s, v) => s + Math.max(0, v.weight), 0)
  const visitors = variants.reduce((s, v) => s + v.visitors, 0)
  const expected_shares = Object.fromEntries(variants.map((v) => [v.key, totalWeight > 0 ? Math.max(0, v.weight) / totalWeight : 0]))
  const observed_shares = Object.fromEntries(variants.map((v) => [v.key, visitors > 0 ? v.visitors / visitors : null]))
  const result = (p_value: number | null): SampleRatio => ({
    p_value,
    flagged: p_value !== null && p_value < threshold,
    expected_shares,
    observed_shares,
  })
  if (visitors === 0 || totalWeight <= 0) return result(null)
  if (variants.some((v) => expected_shares[v.key] === 0 && v.visitors > 0)) return result(0)
  const weighted = variants.filter((v) => expected_shares[v.key] > 0)
  if (weighted.length < 2 || weighted.some((v) => expected_shares[v.key] * visitors < SRM_MIN_EXPECTED)) return result(null)
  const statistic = weighted.reduce((s, v) => {
    const expected = expected_shares[v.key] * visitors
    return s + (v.visitors - expected) ** 2 / expected
  }, 0)
  return result(chiSquareSurvival(statistic, weighted.length - 1))
}
