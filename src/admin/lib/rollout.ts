import type { GuardrailName, GuardrailResult, RolloutAction, RolloutChange, RolloutFeature, RolloutState } from "../../contract/admin"
import type { ChartRow, ChartSeries } from "./tier-analytics"

/** The Rollout page's words and chart rows: each feature's stage, guardrails against thresholds, the history. */

export const FEATURE_LABELS: Record<RolloutFeature, string> = { tiered_catalog: "Tiered catalog", upsell: "Upsell offers" }

export const GUARDRAIL_LABELS: Record<GuardrailName, string> = {
  error_rate: "Store 5xx rate",
  conversion: "Conversion against the control",
  page_load: "Page load (p75 LCP)",
}

export const ACTION_LABELS: Record<RolloutAction, string> = {
  advance: "Advanced",
  set: "Set",
  pause: "Paused",
  resume: "Resumed",
  rollback: "Rolled back",
}

export function stageText(state: Pick<RolloutState, "percent" | "paused">): string {
  return state.paused ? `${state.percent}% (paused)` : `${state.percent}% of tenants`
}

/** A guardrail's figure in its unit, or "—" without data. */
export function guardrailValueText(result: Pick<GuardrailResult, "name" | "value">): string {
  if (result.value === null) return "—"
  if (result.name === "page_load") return `${Math.round(result.value).toLocaleString("en-US")} ms`
  const sign = result.name === "conversion" && result.value > 0 ? "+" : ""
  return `${sign}${round(result.value)}%`
}

export function thresholdText(result: Pick<GuardrailResult, "name" | "threshold">): string {
  if (result.name === "page_load") return `at most ${result.threshold.toLocaleString("en-US")} ms`
  if (result.name === "conversion") return `no lower than ${result.threshold}%`
  return `at most ${result.threshold}%`
}

export const STATUS_TEXT: Record<GuardrailResult["status"], { label: string; color: "green" | "red" | "grey" }> = {
  ok: { label: "Within", color: "green" },
  breached: { label: "Breached", color: "red" },
  not_enough_data: { label: "Not enough data", color: "grey" },
}

export function sampleText(result: Pick<GuardrailResult, "name" | "sample" | "min_sample">): string {
  const noun = { error_rate: "requests", conversion: "visitors a group", page_load: "page loads" }[result.name]
  return `${result.sample.toLocaleString("en-US")} of ${result.min_sample.toLocaleString("en-US")} ${noun}`
}

const round = (n: number) => Math.round(n * 100) / 100

/**
 * How close each guardrail is to rolling back, as a percent of its limit (100 = at the threshold):
 * the error rate and the p75 against their maximum, a conversion drop against the drop allowed
 * (a stage converting better reads 0). Guardrails without data read 0.
 */
export function guardrailChart(results: GuardrailResult[]): { data: ChartRow[]; series: ChartSeries[] } {
  const share = (r: GuardrailResult) => {
    if (r.value === null || r.threshold === 0) return 0
    const used = r.name === "conversion" ? Math.max(0, -r.value) / Math.abs(r.threshold) : Math.max(0, r.value) / r.threshold
    return round(100 * used)
  }
  return {
    data: results.map((r) => ({ label: GUARDRAIL_LABELS[r.name], used: share(r), limit: 100 })),
    series: [
      { key: "used", name: "Share of the limit used", color: "var(--fg-interactive)" },
      { key: "limit", name: "Limit", color: "var(--border-strong)" },
    ],
  }
}

/** The stage's store requests per minute and the share answered 5xx, for the error-rate chart. */
export function requestChart(requests: RolloutState["requests"], threshold: number): { data: ChartRow[]; series: ChartSeries[] } {
  return {
    data: requests.map((r) => ({
      label: r.minute.slice(11, 16),
      error_rate: r.requests ? round((100 * r.errors) / r.requests) : 0,
      threshold,
    })),
    series: [
      { key: "error_rate", name: "5xx rate (%)", color: "var(--tag-red-icon)" },
      { key: "threshold", name: "Threshold (%)", color: "var(--border-strong)" },
    ],
  }
}

/** A history row in words: "Rolled back 25% → 5%", "Paused at 25%". */
export function changeText(change: Pick<RolloutChange, "action" | "from_percent" | "to_percent">): string {
  if (change.action === "pause") return `Paused at ${change.from_percent}%`
  if (change.action === "resume") return `Resumed at ${change.to_percent}%`
  return `${ACTION_LABELS[change.action]} ${change.from_percent}% → ${change.to_percent}%`
}

export const changeActor = (change: Pick<RolloutChange, "actor_id">, userName: (id: string) => string) =>
  change.actor_id ? userName(change.actor_id) : "Guardrails"
