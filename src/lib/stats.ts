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

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection keeps the series in the range where it is accurate.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x)
  }
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ]
  const z = x - 1
  let sum = c[0]
  for (let i = 1; i < 9; i++) sum += c[i] / (z + i)
  const t = z + 7.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

const GAMMA_EPSILON = 1e-15
const GAMMA_MAX_ITERATIONS = 1000

/**
 * Regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a): the series for P = 1 - Q below
 * x < a + 1, the continued fraction (modified Lentz) above, where each converges fast.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) return NaN
  if (x <= 0) return 1
  if (x === Infinity) return 0
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a))
  if (x < a + 1) {
    let term = 1 / a
    let sum = term
    for (let n = 1; n < GAMMA_MAX_ITERATIONS && Math.abs(term) > Math.abs(sum) * GAMMA_EPSILON; n++) {
      term *= x / (a + n)
      sum += term
    }
    return Math.max(0, 1 - sum * front)
  }
  const tiny = 1e-300
  let b = x + 1 - a
  let c = 1 / tiny
  let d = 1 / b
  let h = d
  for (let n = 1; n < GAMMA_MAX_ITERATIONS; n++) {
    const an = -n * (n - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < tiny) d = tiny
    c = b + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const step = d * c
    h *= step
    if (Math.abs(step - 1) < GAMMA_EPSILON) break
  }
  return Math.min(1, front * h)
}

/** P(X > x) for X chi-square with `df` degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  return regularizedGammaQ(df / 2, x / 2)
}
