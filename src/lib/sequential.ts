/**
 * Always-valid inference: the mixture sequential probability ratio test (mSPRT, Johari, Koomen,
 * Pekelis and Walsh, "Always valid inference", 2017) for a difference between two groups, under the
 * normal approximation. A result read after every visitor, or every day, keeps its error rate:
 * the chance that the p-value ever falls under alpha when there is no effect is at most alpha.
 *
 * The mixture is a normal prior on the effect in standard deviations of one visitor's outcome,
 * N(0, tau2): for an estimate with variance V from an effective sample n (1 / (1/n1 + 1/n2)),
 * the effect's prior variance is tau2 * V * n. The likelihood ratio of "an effect" against
 * "no effect" is then
 *   L = sqrt(1 / (1 + n tau2)) * exp(n tau2 / (1 + n tau2) * z^2 / 2),  z = estimate / sqrt(V),
 * the p-value is min(1, 1 / L), and the confidence sequence is every effect the same ratio,
 * centred on it, does not reject at alpha.
 */

/** Mixture variance of the effect, in units of one visitor's standard deviation squared: the prior (0.1 SD)^2. */
export const MIXTURE_TAU2 = 0.01

export const ALPHA = 0.05

export type AlwaysValid = {
  /** Group minus control. */
  difference: number
  /** Always-valid p-value against "no difference" (never under 0, at most 1). */
  p_value: number
  /** Confidence sequence for the difference at 1 - alpha. */
  lower: number
  upper: number
}

export type SequentialOptions = { alpha?: number; tau2?: number }

/**
 * The mSPRT for an estimate of a difference with its variance and the effective sample behind it;
 * null when the variance is not positive (no spread yet: nothing to judge).
 */
export function alwaysValid(difference: number, variance: number, effectiveN: number, options: SequentialOptions = {}): AlwaysValid | null {
  const alpha = options.alpha ?? ALPHA
  const tau2 = options.tau2 ?? MIXTURE_TAU2
  if (!(variance > 0) || !(effectiveN > 0) || !Number.isFinite(difference)) return null
  const spread = effectiveN * tau2
  const shrink = spread / (1 + spread)
  const z2 = (difference * difference) / variance
  const logRatio = -0.5 * Math.log(1 + spread) + (shrink * z2) / 2
  const p_value = Math.min(1, Math.exp(-logRatio))
  // Where the ratio centred on the effect reaches 1 / alpha.
  const halfWidth = Math.sqrt((variance / shrink) * (2 * Math.log(1 / alpha) + Math.log(1 + spread)))
  return { difference, p_value, lower: difference - halfWidth, upper: difference + halfWidth }
}

export type ProportionGroup = { visitors: number; conversions: number }

/** Conversion rate of a variant minus the control's, always valid (unpooled variance). */
export function conversionDifference(control: ProportionGroup, variant: ProportionGroup, options: SequentialOptions = {}): AlwaysValid | null {
  if (control.visitors < 2 || variant.visitors < 2) return null
  const p1 = Math.min(1, Math.max(0, control.conversions / control.visitors))
  const p2 = Math.min(1, Math.max(0, variant.conversions / variant.visitors))
  const variance = (p1 * (1 - p1)) / control.visitors + (p2 * (1 - p2)) / variant.visitors
  return alwaysValid(p2 - p1, variance, effectiveSample(control.visitors, variant.visitors), options)
}

/** Per-visitor totals of a metric: the sum and the sum of squares over every visitor (0 for those without any). */
export type MeanGroup = { visitors: number; sum: number; sum_of_squares: number }

export type MeanEstimate = { mean: number; variance_of_mean: number }

/** The mean per visitor and the variance of that mean (sample variance / n). */
export function meanEstimate(group: MeanGroup): MeanEstimate | null {
  const n = group.visitors
  if (n < 2) return null
  const mean = group.sum / n
  const sampleVariance = Math.max(0, (group.sum_of_squares - n * mean * mean) / (n - 1))
  return { mean, variance_of_mean: sampleVariance / n }
}

/**
 * Mean of a variant minus the control's (revenue per visitor), always valid. The variance of a
 * difference of two independent means is the sum of theirs (the delta method's answer for a
 * linear function), so the interval is read the same way as the conversion one.
 */
export function meanDifference(control: MeanGroup, variant: MeanGroup, options: SequentialOptions = {}): AlwaysValid | null {
  const a = meanEstimate(control)
  const b = meanEstimate(variant)
  if (!a || !b) return null
  return alwaysValid(b.mean - a.mean, a.variance_of_mean + b.variance_of_mean, effectiveSample(control.visitors, variant.visitors), options)
}

const effectiveSample = (n1: number, n2: number) => (n1 * n2) / (n1 + n2)
