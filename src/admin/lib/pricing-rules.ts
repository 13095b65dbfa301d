import { numberOrNull } from "./form-values"
import type { Segment, Tier } from "../../contract/admin"

// The API's shapes (README "Pricing rules"), from the HTTP contract.
export type { PricePreview, PricingRule, PricingRulePayload, PricingRuleKind as RuleKind } from "../../contract/admin"
import type { PricingRule, PricingRulePayload, PricingRuleKind as RuleKind } from "../../contract/admin"

// ---- labels ----

export const KINDS: { value: RuleKind; label: string; hint: string }[] = [
  { value: "season", label: "Season", hint: "Event dates in some months or a date range" },
  { value: "last_minute", label: "Last minute", hint: "Events fewer than N days from today" },
  { value: "early_bird", label: "Early bird", hint: "Events more than N days from today" },
  { value: "weekday", label: "Weekday", hint: "Events on some days of the week" },
]
export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

export const kindLabel = (kind: RuleKind) => KINDS.find((k) => k.value === kind)?.label ?? kind

/** The months 6,7,8,9 read as "June – September"; gaps are listed. */
export function monthsText(months: number[]): string {
  const sorted = [...months].sort((a, b) => a - b)
  const contiguous = sorted.every((m, i) => i === 0 || m === sorted[i - 1] + 1)
  if (sorted.length > 2 && contiguous) return `${MONTHS[sorted[0] - 1]} – ${MONTHS[sorted[sorted.length - 1] - 1]}`
  return sorted.map((m) => MONTHS[m - 1].slice(0, 3)).join(", ")
}

export function whenText(rule: PricingRule): string {
  switch (rule.kind) {
    case "season":
      if (rule.months?.length) return monthsText(rule.months)
      return `${rule.start_date} – ${rule.end_date}${rule.repeats_yearly ? ", every year" : ""}`
    case "last_minute":
      return `Fewer than ${rule.days} days before the event`
    case "early_bird":
      return `More than ${rule.days} days before the event`
    case "weekday":
      return (rule.weekdays ?? []).map((d) => WEEKDAYS[d].slice(0, 3)).join(", ")
  }
}

export const percentText = (percent: number) => `${percent > 0 ? "+" : ""}${percent}%`

export function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(amount)
  } catch {
    return `${amount.toLocaleString()} ${currency.toUpperCase()}`
  }
}

/** "Mon" for 2026-06-01: the API's dates are UTC calendar days. */
export const weekdayShort = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()].slice(0, 3)

// ---- the form: text as typed, turned into a body of the chosen kind ----

export type RuleFormValues = {
  label: string
  kind: RuleKind
  percent: string
  priority: string
  stackable: boolean
  is_active: boolean
  segment_ids: string[]
  season_mode: "months" | "range"
  months: number[]
  start_date: string
  end_date: string
  repeats_yearly: boolean
  days: string
  weekdays: number[]
}

export function ruleFormValues(rule?: PricingRule): RuleFormValues {
  return {
    label: rule?.label ?? "",
    kind: rule?.kind ?? "season",
    percent: rule ? String(rule.percent) : "",
    priority: rule ? String(rule.priority) : "0",
    stackable: rule?.stackable ?? true,
    is_active: rule?.is_active ?? true,
    segment_ids: rule?.segment_ids ?? [],
    season_mode: rule?.start_date ? "range" : "months",
    months: rule?.months ?? [],
    start_date: rule?.start_date ?? "",
    end_date: rule?.end_date ?? "",
    repeats_yearly: rule?.repeats_yearly ?? false,
    days: rule?.days == null ? "" : String(rule.days),
    weekdays: rule?.weekdays ?? [],
  }
}

/**
 * A whole rule: the chosen kind's fields, the other kinds' cleared, so a kind change in an edit
 * also clears what the API would refuse for the new kind.
 */
export function rulePayload(values: RuleFormValues): PricingRulePayload {
  const season = values.kind === "season"
  const byMonths = season && values.season_mode === "months"
  const byRange = season && values.season_mode === "range"
  const countsDays = values.kind === "last_minute" || values.kind === "early_bird"
  return {
    label: values.label.trim(),
    kind: values.kind,
    percent: numberOrNull(values.percent) ?? NaN,
    priority: numberOrNull(values.priority) ?? 0,
    stackable: values.stackable,
    is_active: values.is_active,
    segment_ids: values.segment_ids,
    months: byMonths ? [...values.months].sort((a, b) => a - b) : null,
    start_date: byRange ? values.start_date || null : null,
    end_date: byRange ? values.end_date || null : null,
    repeats_yearly: byRange && values.repeats_yearly,
    days: countsDays ? numberOrNull(values.days) : null,
    weekdays: values.kind === "weekday" ? [...values.weekdays].sort((a, b) => a - b) : null,
  }
}

// ---- the preview ----

/** Tiers with a product are the ones that have a price to preview; archived tiers have none. */
export const previewTiers = (segments: Segment[]): { tier: Tier; segment: Segment }[] =>
  segments.flatMap((segment) => segment.tiers.filter((tier) => !tier.archived_at && tier.product).map((tier) => ({ tier, segment })))
