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

/**
 * How many rule window edges (starts and ends) lie at or before `now`: it changes exactly when a
 * rule enters or leaves its window, so an answer cached under it cannot outlive the rules it used.
 */
export function windowEdgesPassed(rules: Pick<UpsellRuleInput, "starts_at" | "ends_at">[], now: Date): number {
  const at = now.getTime()
  let passed = 0
  for (const r of rules) {
    for (const edge of [r.starts_at, r.ends_at]) {
      if (edge && Date.parse(edge) <= at) {
        passed++
      }
    }
  }
  return passed
}

/** An offer's from/to tiers as one key ("-" for none): a null in a unique index would let every row through. */
export function tiersKey(offer: { from_tier_id: string | null; to_tier_id: string | null }): string {
  return `${offer.from_tier_id ?? "-"}>${offer.to_tier_id ?? "-"}`
}

/** `features_added`: what the target tier offers more of, as the upgrade quote words it ("Coverage: 10 h → 12 h, Heirloom album"). */
export const PLACEHOLDERS = ["from_tier", "to_tier", "price_difference", "remaining_slots", "incentive_percent", "segment", "features_added"] as const
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

export type OfferRule = {
  id: string
  action: UpsellAction
  incentive_percent: number | null
  headline: string
  body: string | null
}

/** What an experiment variant changes in the offers it touches. */
export type OfferVariant = {
  incentive_percent?: number | null
  headline?: string | null
  body?: string | null
  upsell_off?: boolean
}

export type ComposedOffer = {
  rule_id: string
  action: UpsellAction
  headline: string
  body: string | null
  from_tier_id: string | null
  to_tier_id: string | null
  incentive_percent: number | null
  price_difference: number | null
  remaining_slots: number | null
}

/**
 * The offer a matching rule makes to a visitor, or null when it has nothing to
 * say: an upgrade or comparison needs a tier above, scarcity needs a limited
 * date, a bundle suggestion is moot once the bundle applies, and a variant
 * with upsell off shows nothing. A variant's incentive and copy win over the
 * rule's; an upgrade suggestion without an incentive of its own gets the
 * store's default upgrade incentive.
 */
export function composeOffer(input: {
  rule: OfferRule
  variant: OfferVariant | null
  from: { id: string; name: string } | null
  next: { id: string; name: string } | null
  /** What `next` offers more of than `from` (FeatureGain.text); empty when there is no `next`. */
  features_added?: string[]
  segment_name: string | null
  addon_count: number
  bundle: { min_addons: number; percent: number }
  /** Status and remaining capacity of the visitor's event date, when one is known. */
  date: { status: string; remaining: number } | null
  default_upgrade_incentive: number
  /** Target price with the incentive minus the current price; null when it cannot be priced. */
  difference: (incentivePercent: number) => number | null
  money: (amount: number) => string
}): ComposedOffer | null {
  const { rule, variant } = input
  if (variant?.upsell_off) {
    return null
  }
  const chosen = variant?.incentive_percent ?? rule.incentive_percent
  let incentive: number | null = null
  let to: { id: string; name: string } | null = null
  let difference: number | null = null
  switch (rule.action) {
    case "show_comparison":
    case "suggest_upgrade":
      if (!input.from || !input.next) {
        return null
      }
      to = input.next
      incentive = chosen ?? (rule.action === "suggest_upgrade" ? input.default_upgrade_incentive : null)
      difference = input.difference(incentive ?? 0)
      break
    case "emphasize_scarcity":
      if (input.date?.status !== "limited") {
        return null
      }
      incentive = chosen
      break
    case "suggest_addon_bundle":
      if (input.addon_count >= input.bundle.min_addons) {
        return null
      }
      incentive = chosen ?? Math.abs(input.bundle.percent)
      break
  }
  const values: Partial<Record<Placeholder, string | number>> = {
    from_tier: input.from?.name,
    to_tier: to?.name,
    price_difference: difference === null ? undefined : input.money(difference),
    remaining_slots: input.date ? input.date.remaining : undefined,
    incentive_percent: incentive ?? undefined,
    segment: input.segment_name ?? undefined,
    features_added: to && input.features_added?.length ? input.features_added.join(", ") : undefined,
  }
  const body = variant?.body ?? rule.body
  return {
    rule_id: rule.id,
    action: rule.action,
    headline: renderCopy(variant?.headline ?? rule.headline, values),
    body: body ? renderCopy(body, values) : null,
    from_tier_id: input.from?.id ?? null,
    to_tier_id: to?.id ?? null,
    incentive_percent: incentive,
    price_difference: difference,
    remaining_slots: rule.action === "emphasize_scarcity" ? input.date!.remaining : null,
  }
}
