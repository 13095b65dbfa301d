import { DateStatus } from "./availability"

/** Conditions a visitor's context must meet; combine them with `all` (AND) and `any` (OR). */
export type Trigger =
  | { all: Trigger[] }
  | { any: Trigger[] }
  | { viewing_tier: { segment?: string; level?: number } }
  | { addon_count_at_least: number }
  | { high_demand_date: true }
  | { cart_subtotal_at_least: number }
  | { segment_in: string[] }

export type UpsellAction = "show_comparison" | "suggest_upgrade" | "emphasize_scarcity" | "suggest_addon_bundle"

export type UpsellContext = {
  /** Handle of the segment the visitor is in. */
  segment?: string
  viewing_tier?: { segment: string; level: number }
  addon_count: number
  /** Status of the event date the visitor picked. */
  date_status?: DateStatus
  cart_subtotal: number
}

export type UpsellRuleInput = {
  id: string
  priority: number
  is_active: boolean
  starts_at?: string | null
  ends_at?: string | null
  trigger: Trigger
  action: UpsellAction
}

export function evaluateTrigger(trigger: Trigger, ctx: UpsellContext): boolean {
  if ("all" in trigger) return trigger.all.every((t) => evaluateTrigger(t, ctx))
  if ("any" in trigger) return trigger.any.some((t) => evaluateTrigger(t, ctx))
  if ("viewing_tier" in trigger) {
    const viewing = ctx.viewing_tier
    const want = trigger.viewing_tier
    return (
      !!viewing &&
      (want.segment === undefined || want.segment === viewing.segment) &&
      (want.level === undefined || want.level === viewing.level)
    )
  }
  if ("addon_count_at_least" in trigger) return ctx.addon_count >= trigger.addon_count_at_least
  if ("high_demand_date" in trigger) return ctx.date_status === "limited"
  if ("cart_subtotal_at_least" in trigger) return ctx.cart_subtotal >= trigger.cart_subtotal_at_least
  return !!ctx.segment && trigger.segment_in.includes(ctx.segment)
}

/** Active rules in their window whose trigger holds, highest priority first (ties by id), at most `max`. */
export function matchingRules<R extends UpsellRuleInput>(rules: R[], ctx: UpsellContext, now: Date, max: number): R[] {
  const at = now.getTime()
  return rules
    .filter(
      (r) =>
        r.is_active &&
        (!r.starts_at || Date.parse(r.starts_at) <= at) &&
        (!r.ends_at || at < Date.parse(r.ends_at)) &&
        evaluateTrigger(r.trigger, ctx)
    )
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id))
    .slice(0, Math.max(0, max))
}

export const PLACEHOLDERS = ["from_tier", "to_tier", "price_difference", "remaining_slots", "incentive_percent", "segment"] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g

/** Placeholder names in a copy template that the engine does not know. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1])
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name))
}

/** Fills `{{name}}` placeholders; one without a value becomes empty and spaces around it close up. */
export function renderCopy(template: string, values: Partial<Record<Placeholder, string | number>>): string {
  return template
    .replace(PLACEHOLDER, (_, name: Placeholder) => (values[name] === undefined ? "" : String(values[name])))
    .replace(/\s{2,}/g, " ")
    .trim()
}
