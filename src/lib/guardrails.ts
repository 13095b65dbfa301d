import { ALPHA, AlwaysValid, conversionDifference, ProportionGroup } from "./sequential"

/** What the rollout watches, and when it rolls back (README "Staged rollout"). */
export type GuardrailSettings = {
  /** The window each evaluation reads, ending now. */
  window_minutes: number
  /** Fewest requests, visitors per group or page loads a guardrail judges on. */
  min_sample: number
  /** Store 5xx share of the plugin's store requests, in percent. */
  max_error_rate_percent: number
  /** How far (percent) the stage's conversion may fall under the control's. */
  max_conversion_drop_percent: number
  /** p75 of the Largest Contentful Paint storefronts report, in milliseconds. */
  max_lcp_p75_ms: number
}

export const DEFAULT_GUARDRAIL_SETTINGS: GuardrailSettings = {
  window_minutes: 60,
  min_sample: 100,
  max_error_rate_percent: 1,
  max_conversion_drop_percent: 10,
  max_lcp_p75_ms: 3000,
}

/** The figures of the stage's tenants over one window. */
export type GuardrailFigures = {
  requests: { requests: number; errors: number }
  /**
   * Visitors with a tier view and those of them who ordered: the stage's tenants, and the control
   * (the tenants outside the stage, or at 100% the same tenants over the same window a week before).
   */
  conversion: { stage: ProportionGroup; control: ProportionGroup; control_kind: "outside_stage" | "same_window_last_week" }
  page_loads: { samples: number; p75_ms: number | null }
}

export const GUARDRAILS = ["error_rate", "conversion", "page_load"] as const
export type GuardrailName = (typeof GUARDRAILS)[number]

export type GuardrailStatus = "ok" | "breached" | "not_enough_data"

export type GuardrailResult = {
  name: GuardrailName
  status: GuardrailStatus
  /** Error rate in percent, conversion change in percent (negative = below the control), p75 in ms; null without data. */
  value: number | null
  threshold: number
  sample: number
  min_sample: number
  /** The conversion guardrail's always-valid comparison (stage minus control), when it had enough data. */
  comparison?: AlwaysValid | null
}

export type GuardrailVerdict = { results: GuardrailResult[]; breached: GuardrailResult[]; rollback: boolean }

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits

function errorRate(f: GuardrailFigures, s: GuardrailSettings): GuardrailResult {
  const { requests, errors } = f.requests
  const value = requests > 0 ? round((100 * errors) / requests) : null
  const enough = requests >= s.min_sample
  return {
    name: "error_rate",
    status: !enough || value === null ? "not_enough_data" : value > s.max_error_rate_percent ? "breached" : "ok",
    value,
    threshold: s.max_error_rate_percent,
    sample: requests,
    min_sample: s.min_sample,
  }
}

/**
 * The stage's conversion against the control's. A drop counts only when it is over the threshold
 * AND the always-valid test says the stage converts worse (p under alpha, the whole interval under
 * 0): read every window, plain noise would otherwise roll a healthy stage back sooner or later.
 */
function conversion(f: GuardrailFigures, s: GuardrailSettings): GuardrailResult {
  const { stage, control } = f.conversion
  const sample = Math.min(stage.visitors, control.visitors)
  const stageRate = stage.visitors > 0 ? stage.conversions / stage.visitors : null
  const controlRate = control.visitors > 0 ? control.conversions / control.visitors : null
  const value = stageRate !== null && controlRate ? round(100 * (stageRate / controlRate - 1)) : null
  const base = { name: "conversion" as const, value, threshold: -s.max_conversion_drop_percent, sample, min_sample: s.min_sample }
  if (sample < s.min_sample || value === null) {
    return { ...base, status: "not_enough_data", comparison: null }
  }
  const comparison = conversionDifference(control, stage)
  const significant = !!comparison && comparison.p_value < ALPHA && comparison.upper < 0
  return { ...base, status: value < -s.max_conversion_drop_percent && significant ? "breached" : "ok", comparison }
}

function pageLoad(f: GuardrailFigures, s: GuardrailSettings): GuardrailResult {
  const { samples, p75_ms } = f.page_loads
  const enough = samples >= s.min_sample && p75_ms !== null
  return {
    name: "page_load",
    status: !enough ? "not_enough_data" : p75_ms > s.max_lcp_p75_ms ? "breached" : "ok",
    value: p75_ms,
    threshold: s.max_lcp_p75_ms,
    sample: samples,
    min_sample: s.min_sample,
  }
}

/** Each guardrail's figure against its threshold; a rollback when any is breached on enough data. */
export function evaluateGuardrails(figures: GuardrailFigures, settings: GuardrailSettings): GuardrailVerdict {
  const results = [errorRate(figures, settings), conversion(figures, settings), pageLoad(figures, settings)]
  const breached = results.filter((r) => r.status === "breached")
  return { results, breached, rollback: breached.length > 0 }
}

/** The reason a rollback records, in words. */
export function breachReason(breached: GuardrailResult[]): string {
  const say: Record<GuardrailName, (r: GuardrailResult) => string> = {
    error_rate: (r) => `store 5xx rate ${r.value}% over ${r.threshold}% (${r.sample} requests)`,
    conversion: (r) => `conversion ${r.value}% against the control, under ${r.threshold}% (${r.sample} visitors)`,
    page_load: (r) => `page load p75 ${r.value} ms over ${r.threshold} ms (${r.sample} page loads)`,
  }
  return `Guardrail breached: ${breached.map((r) => say[r.name](r)).join("; ")}`
}
