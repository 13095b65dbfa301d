/** Standard normal cumulative distribution (Abramowitz-Stegun 7.1.26 erf, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * x)
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-x * x)
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2
}

export type ProportionTest = {
  /** Rate of the variant minus rate of the control. */
  difference: number
  z: number
  /** Two-sided. */
  p_value: number
  significant: boolean
}

/**
 * Two-proportion z-test (pooled) of a variant's conversion rate against the
 * control's; significant at the given alpha (two-sided).
 */
export function twoProportionTest(
  control: { conversions: number; visitors: number },
  variant: { conversions: number; visitors: number },
  alpha = 0.05
): ProportionTest | null {
  if (control.visitors <= 0 || variant.visitors <= 0) {
    return null
  }
  const p1 = control.conversions / control.visitors
  const p2 = variant.conversions / variant.visitors
  const pooled = (control.conversions + variant.conversions) / (control.visitors + variant.visitors)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / control.visitors + 1 / variant.visitors))
  if (se === 0) {
    return { difference: p2 - p1, z: 0, p_value: 1, significant: false }
  }
  const z = (p2 - p1) / se
  const p_value = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))))
  return { difference: p2 - p1, z, p_value, significant: p_value < alpha }
}

/** A rate, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}
