import { changedFields, numberOrNull } from "./form-values"
import type { Experiment, ExperimentPayload, ExperimentStatus, ExperimentVariant } from "../../contract/admin"

/** The experiment form: variants as typed, their weight shares, and what each changes in the offers. */

export const STATUS_LABELS: Record<ExperimentStatus, { label: string; color: "grey" | "green" | "red" }> = {
  draft: { label: "Draft", color: "grey" },
  running: { label: "Running", color: "green" },
  stopped: { label: "Stopped", color: "red" },
}

export type StatusFilter = "all" | ExperimentStatus

export const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: "all", label: "All experiments" },
  { value: "draft", label: "Drafts" },
  { value: "running", label: "Running" },
  { value: "stopped", label: "Stopped" },
]

/** The list's query: one page, and the status only when the filter names one. */
export const experimentsQuery = (filter: StatusFilter, limit: number, offset: number) => ({
  limit,
  offset,
  ...(filter === "all" ? {} : { status: filter }),
})

export type VariantFormValues = {
  key: string
  weight: string
  incentive_percent: string
  headline: string
  body: string
  upsell_off: boolean
}

export type ExperimentFormValues = {
  key: string
  name: string
  traffic_percent: string
  sales_channel_ids: string[]
  rule_ids: string[]
  variants: VariantFormValues[]
}

export const emptyVariant = (key = ""): VariantFormValues => ({
  key,
  weight: "1",
  incentive_percent: "",
  headline: "",
  body: "",
  upsell_off: false,
})

const text = (value: string | number | null | undefined) => (value == null ? "" : String(value))

export function variantFormValues(variant: ExperimentVariant): VariantFormValues {
  return {
    key: variant.key,
    weight: String(variant.weight),
    incentive_percent: text(variant.incentive_percent),
    headline: text(variant.headline),
    body: text(variant.body),
    upsell_off: variant.upsell_off ?? false,
  }
}

/** A new experiment starts as an even split between a control and one variant. */
export function experimentFormValues(experiment?: Experiment): ExperimentFormValues {
  return {
    key: experiment?.key ?? "",
    name: experiment?.name ?? "",
    traffic_percent: experiment ? String(experiment.traffic_percent) : "100",
    sales_channel_ids: experiment?.sales_channel_ids ?? [],
    rule_ids: experiment?.rule_ids ?? [],
    variants: experiment ? experiment.variants.map(variantFormValues) : [emptyVariant("control"), emptyVariant("b")],
  }
}

const textOrNull = (value: string) => (value.trim() ? value : null)

export function variantPayload(values: VariantFormValues): ExperimentVariant {
  return {
    key: values.key.trim(),
    weight: numberOrNull(values.weight) ?? NaN,
    incentive_percent: numberOrNull(values.incentive_percent),
    headline: textOrNull(values.headline),
    body: textOrNull(values.body),
    upsell_off: values.upsell_off,
  }
}

export function experimentPayload(values: ExperimentFormValues): ExperimentPayload {
  return {
    key: values.key.trim(),
    name: values.name.trim(),
    traffic_percent: numberOrNull(values.traffic_percent) ?? NaN,
    variants: values.variants.map(variantPayload),
    sales_channel_ids: values.sales_channel_ids,
    rule_ids: values.rule_ids,
  }
}

/** What an edit sends: a running or stopped experiment's key, variants and rules are never part of it. */
export function experimentChanges(status: ExperimentStatus, before: ExperimentFormValues, after: ExperimentFormValues) {
  const changes = changedFields(experimentPayload(before), experimentPayload(after))
  if (status === "draft") return changes
  const { key: _key, variants: _variants, rule_ids: _rules, ...open } = changes
  return open
}

/** Each variant's share of the visitors in the experiment, in percent (one decimal). */
export function variantShares(weights: number[]): number[] {
  const usable = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0))
  const total = usable.reduce((sum, w) => sum + w, 0)
  return usable.map((w) => (total > 0 ? Math.round((w / total) * 1000) / 10 : 0))
}

const quoted = (copy: string) => `“${copy.length > 40 ? `${copy.slice(0, 39)}…` : copy}”`

/** What a variant changes in the offers its visitors see, in words. */
export function variantChanges(variant: ExperimentVariant): string {
  if (variant.upsell_off) return "No upsell offers"
  const changes = [
    variant.incentive_percent != null ? `incentive ${variant.incentive_percent}%` : null,
    variant.headline ? `headline ${quoted(variant.headline)}` : null,
    variant.body ? `body ${quoted(variant.body)}` : null,
  ].filter((change): change is string => change !== null)
  if (!changes.length) return "No change (control)"
  const sentence = changes.join(", ")
  return sentence[0].toUpperCase() + sentence.slice(1)
}
