import { numberOrNull } from "./form-values"
import type { Trigger, UpsellAction, UpsellRule, UpsellRulePayload } from "../../contract/admin"
import { PLACEHOLDERS } from "../../lib/upsell"

/** The upsell rule form: what the merchant types, how it reads back, and the body it sends. */

export const ACTIONS: { value: UpsellAction; label: string }[] = [
  { value: "show_comparison", label: "Show comparison" },
  { value: "suggest_upgrade", label: "Suggest upgrade" },
  { value: "emphasize_scarcity", label: "Emphasize scarcity" },
  { value: "suggest_addon_bundle", label: "Suggest add-on bundle" },
]

export const actionLabel = (action: UpsellAction) => ACTIONS.find((a) => a.value === action)?.label ?? action

// The engine's placeholders; the API refuses any other.
export { PLACEHOLDERS }

export const PLACEHOLDER_HINT = `Placeholders: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}. A placeholder without a value in an offer is left out.`

export type ActiveFilter = "all" | "active" | "inactive"

export const ACTIVE_FILTERS: { value: ActiveFilter; label: string }[] = [
  { value: "all", label: "All rules" },
  { value: "active", label: "Active" },
  { value: "inactive", label: "Inactive" },
]

/** The list's query: one page, and is_active only when the filter picks one side. */
export const upsellRulesQuery = (filter: ActiveFilter, limit: number, offset: number) => ({
  limit,
  offset,
  ...(filter === "all" ? {} : { is_active: filter === "active" }),
})

export type ConditionKind = "viewing_tier" | "addon_count" | "high_demand_date" | "cart_subtotal" | "segment_in"

export const CONDITION_KINDS: { value: ConditionKind; label: string }[] = [
  { value: "viewing_tier", label: "Viewing a tier" },
  { value: "addon_count", label: "Add-on count at least" },
  { value: "high_demand_date", label: "High-demand event date" },
  { value: "cart_subtotal", label: "Cart subtotal at least" },
  { value: "segment_in", label: "Segment is one of" },
]

/** One condition as typed; a kind change keeps the other kinds' values, so switching back loses nothing. */
export type ConditionRow = {
  kind: ConditionKind
  /** Segment handle of a viewed tier; empty = any segment. */
  segment: string
  /** Level of a viewed tier; empty = any level. */
  level: string
  count: string
  amount: string
  segments: string[]
}

export type Join = "all" | "any"

/**
 * The builder edits one AND/OR list of conditions. A trigger with nested groups (made through the
 * API) is kept as it is, so editing the rule's other fields never rewrites it.
 */
export type TriggerForm = { mode: "builder"; join: Join; rows: ConditionRow[] } | { mode: "kept"; trigger: Trigger }

export const emptyCondition = (kind: ConditionKind = "viewing_tier"): ConditionRow => ({
  kind,
  segment: "",
  level: "",
  count: "",
  amount: "",
  segments: [],
})

const isGroup = (trigger: Trigger): trigger is { all: Trigger[] } | { any: Trigger[] } =>
  "all" in trigger || "any" in trigger

function conditionRow(trigger: Trigger): ConditionRow | null {
  if ("viewing_tier" in trigger) {
    const { segment, level } = trigger.viewing_tier
    return { ...emptyCondition("viewing_tier"), segment: segment ?? "", level: level == null ? "" : String(level) }
  }
  if ("addon_count_at_least" in trigger) {
    return { ...emptyCondition("addon_count"), count: String(trigger.addon_count_at_least) }
  }
  if ("high_demand_date" in trigger) return emptyCondition("high_demand_date")
  if ("cart_subtotal_at_least" in trigger) {
    return { ...emptyCondition("cart_subtotal"), amount: String(trigger.cart_subtotal_at_least) }
  }
  if ("segment_in" in trigger) return { ...emptyCondition("segment_in"), segments: [...trigger.segment_in] }
  return null
}

export function triggerForm(trigger?: Trigger): TriggerForm {
  if (!trigger) return { mode: "builder", join: "all", rows: [emptyCondition()] }
  if (!isGroup(trigger)) {
    const row = conditionRow(trigger)
    return row ? { mode: "builder", join: "all", rows: [row] } : { mode: "kept", trigger }
  }
  const join: Join = "all" in trigger ? "all" : "any"
  const children = "all" in trigger ? trigger.all : trigger.any
  const rows = children.map(conditionRow)
  if (rows.some((row) => row === null)) return { mode: "kept", trigger }
  return { mode: "builder", join, rows: rows.filter((row): row is ConditionRow => row !== null) }
}

// An empty number field goes out as NaN, which JSON sends as null for the API to refuse.
const requiredNumber = (text: string) => numberOrNull(text) ?? NaN

export function conditionTrigger(row: ConditionRow): Trigger {
  switch (row.kind) {
    case "viewing_tier": {
      const level = numberOrNull(row.level)
      return { viewing_tier: { ...(row.segment ? { segment: row.segment } : {}), ...(level === null ? {} : { level }) } }
    }
    case "addon_count":
      return { addon_count_at_least: requiredNumber(row.count) }
    case "high_demand_date":
      return { high_demand_date: true }
    case "cart_subtotal":
      return { cart_subtotal_at_least: requiredNumber(row.amount) }
    case "segment_in":
      return { segment_in: row.segments }
  }
}

/** A single condition is sent as it is; two or more inside the chosen group. */
export function formTrigger(form: TriggerForm): Trigger {
  if (form.mode === "kept") return form.trigger
  const conditions = form.rows.map(conditionTrigger)
  if (conditions.length === 1) return conditions[0]
  return form.join === "all" ? { all: conditions } : { any: conditions }
}

/**
 * What a row still lacks before it means anything, in the merchant's words. The API refuses these
 * too, but its message for a malformed trigger cannot say which condition is wrong.
 */
export function conditionProblem(row: ConditionRow): string | null {
  const whole = (text: string) => /^\d+$/.test(text.trim())
  switch (row.kind) {
    case "viewing_tier":
      return row.level.trim() === "" || (whole(row.level) && Number(row.level) >= 1) ? null : "The level is a whole number from 1."
    case "addon_count":
      return whole(row.count) ? null : "Enter how many add-ons, a whole number."
    case "cart_subtotal":
      return row.amount.trim() !== "" && Number(row.amount) >= 0 ? null : "Enter the subtotal, 0 or more."
    case "segment_in":
      return row.segments.length ? null : "Pick at least one segment."
    case "high_demand_date":
      return null
  }
}

// ---- the trigger in words ----

export type SegmentNames = (handle: string) => string

const amountText = (amount: number) => (Number.isFinite(amount) ? amount.toLocaleString("en-US") : "?")

function conditionText(trigger: Trigger, name: SegmentNames): string {
  if ("viewing_tier" in trigger) {
    const { segment, level } = trigger.viewing_tier
    if (segment && level != null) return `viewing ${name(segment)} level ${level}`
    if (segment) return `viewing a ${name(segment)} tier`
    if (level != null) return `viewing a level ${level} tier`
    return "viewing any tier"
  }
  if ("addon_count_at_least" in trigger) return `add-ons ≥ ${amountText(trigger.addon_count_at_least)}`
  if ("high_demand_date" in trigger) return "high-demand date"
  if ("cart_subtotal_at_least" in trigger) return `cart subtotal ≥ ${amountText(trigger.cart_subtotal_at_least)}`
  if ("segment_in" in trigger) {
    const names = trigger.segment_in.map(name)
    return names.length === 1 ? `segment is ${names[0]}` : `segment is one of ${names.join(", ")}`
  }
  return "?"
}

/** "viewing Signature level 1 AND add-ons ≥ 2"; nested groups read in parentheses. */
export function triggerSummary(trigger: Trigger, name: SegmentNames = (handle) => handle): string {
  const text = (t: Trigger, nested: boolean): string => {
    if (!isGroup(t)) return conditionText(t, name)
    const all = "all" in t
    const children = all ? t.all : t.any
    if (children.length === 0) return all ? "always" : "never"
    if (children.length === 1) return text(children[0], nested)
    const joined = children.map((child) => text(child, true)).join(all ? " AND " : " OR ")
    return nested ? `(${joined})` : joined
  }
  return text(trigger, false)
}

// ---- the window: whole days in UTC, the last day included ----

const DAY = 24 * 60 * 60 * 1000

const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString()

/** A first and last day (YYYY-MM-DD, either empty) as the API's starts_at and exclusive ends_at. */
export function windowFromDays(first: string, last: string): { starts_at: string | null; ends_at: string | null } {
  return {
    starts_at: first ? shiftDays(first, 0) : null,
    ends_at: last ? shiftDays(last, 1) : null,
  }
}

/** The days a stored window covers: the day of starts_at, and the day before ends_at ends. */
export function daysFromWindow(startsAt: string | null, endsAt: string | null): { first: string; last: string } {
  return {
    first: startsAt ? new Date(startsAt).toISOString().slice(0, 10) : "",
    last: endsAt ? new Date(Date.parse(endsAt) - 1).toISOString().slice(0, 10) : "",
  }
}

export function windowText(startsAt: string | null, endsAt: string | null): string {
  const { first, last } = daysFromWindow(startsAt, endsAt)
  if (first && last) return first === last ? `${first} only` : `${first} – ${last}`
  if (first) return `From ${first}`
  if (last) return `Until ${last}`
  return "Always"
}

// ---- the whole form ----

export type RuleFormValues = {
  name: string
  trigger: TriggerForm
  action: UpsellAction
  incentive_percent: string
  headline: string
  body: string
  priority: string
  first_day: string
  last_day: string
  is_active: boolean
  sales_channel_ids: string[]
}

export function ruleFormValues(rule?: UpsellRule): RuleFormValues {
  const { first, last } = daysFromWindow(rule?.starts_at ?? null, rule?.ends_at ?? null)
  return {
    name: rule?.name ?? "",
    trigger: triggerForm(rule?.trigger),
    action: rule?.action ?? "show_comparison",
    incentive_percent: rule?.incentive_percent == null ? "" : String(rule.incentive_percent),
    headline: rule?.headline ?? "",
    body: rule?.body ?? "",
    priority: rule ? String(rule.priority) : "0",
    first_day: first,
    last_day: last,
    is_active: rule?.is_active ?? true,
    sales_channel_ids: rule?.sales_channel_ids ?? [],
  }
}

export function rulePayload(values: RuleFormValues): UpsellRulePayload {
  return {
    name: values.name.trim(),
    trigger: formTrigger(values.trigger),
    action: values.action,
    incentive_percent: numberOrNull(values.incentive_percent),
    headline: values.headline,
    body: values.body.trim() ? values.body : null,
    priority: numberOrNull(values.priority) ?? 0,
    ...windowFromDays(values.first_day, values.last_day),
    is_active: values.is_active,
    sales_channel_ids: values.sales_channel_ids,
  }
}
