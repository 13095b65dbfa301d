import { daysBetween, isCalendarDate, todayUtc, weekdayOf } from "./dates"
import { roundToMinor } from "./money"

export type PricingRuleKind = "season" | "last_minute" | "early_bird" | "weekday"

/** A date-driven price adjustment as the pricing function needs it. */
export type PricingRule = {
  id: string
  label: string
  kind: PricingRuleKind
  /** Percent of the running price: 20 = +20%, -15 = -15%. */
  percent: number
  /** Lower runs first. */
  priority: number
  /** A matching rule that is not stackable stops the rules after it. */
  stackable: boolean
  /** Segments the rule applies to; null or empty = every segment. */
  segment_ids?: string[] | null
  is_active?: boolean
  /** season: months 1-12 of the event date. */
  months?: number[] | null
  /** season: an inclusive range, `YYYY-MM-DD` each; with repeats_yearly only month and day count. */
  start_date?: string | null
  end_date?: string | null
  repeats_yearly?: boolean
  /** last_minute: fewer than `days` days before the event; early_bird: more than `days`. */
  days?: number | null
  /** weekday: 0 = Sunday ... 6 = Saturday, of the event date. */
  weekdays?: number[] | null
}

export type PriceAdjustment = {
  rule_id: string
  kind: PricingRuleKind | "incentive"
  label: string
  percent: number
  amount: number
}

export type TierPrice = {
  base: number
  adjustments: PriceAdjustment[]
  final: number
  currency_code: string
}

export type PriceInput = {
  base: number
  currency_code: string
  /** YYYY-MM-DD; without it no date rule applies. */
  event_date?: string | null
  /** YYYY-MM-DD in UTC; the day the price is computed. */
  today?: string
  segment_id?: string
  rules?: PricingRule[]
  /** An offer's incentive (percent < 0), applied after the date rules. */
  incentive?: Incentive | null
}

export type Incentive = { rule_id: string; label: string; percent: number }

function monthDay(date: string): string {
  return date.slice(5)
}

function inSeason(rule: PricingRule, eventDate: string): boolean {
  const month = Number(eventDate.slice(5, 7))
  if (rule.months?.length) {
    return rule.months.includes(month)
  }
  if (!rule.start_date || !rule.end_date) {
    return false
  }
  if (!rule.repeats_yearly) {
    return rule.start_date <= eventDate && eventDate <= rule.end_date
  }
  const from = monthDay(rule.start_date)
  const to = monthDay(rule.end_date)
  const day = monthDay(eventDate)
  // A yearly range may wrap over the new year (12-15 to 01-10).
  return from <= to ? from <= day && day <= to : day >= from || day <= to
}

/** Whether a rule fires for an event date seen from `today`. */
export function ruleMatches(
  rule: PricingRule,
  eventDate: string,
  today: string,
  segmentId?: string
): boolean {
  if (rule.is_active === false) {
    return false
  }
  if (rule.segment_ids?.length && (!segmentId || !rule.segment_ids.includes(segmentId))) {
    return false
  }
  switch (rule.kind) {
    case "season":
      return inSeason(rule, eventDate)
    case "last_minute": {
      const days = daysBetween(today, eventDate)
      return rule.days != null && days >= 0 && days < rule.days
    }
    case "early_bird":
      return rule.days != null && daysBetween(today, eventDate) > rule.days
    case "weekday":
      return !!rule.weekdays?.includes(weekdayOf(eventDate))
  }
}

/**
 * The price of a tier (or any line) for an event date: matching rules in
 * ascending priority, each multiplying the running price, a non-stackable
 * match stopping the rest; an incentive applies after them; the final price
 * is rounded once, to the minor unit.
 * Adjustment amounts are each rounded to the minor unit for display.
 */
export function priceTier(input: PriceInput): TierPrice {
  const adjustments: PriceAdjustment[] = []
  let running = input.base
  if (input.event_date && input.rules?.length) {
    const today = input.today ?? todayUtc()
    const ordered = [...input.rules].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))
    for (const rule of ordered) {
      if (!ruleMatches(rule, input.event_date, today, input.segment_id)) {
        continue
      }
      const amount = (running * rule.percent) / 100
      running += amount
      adjustments.push({
        rule_id: rule.id,
        kind: rule.kind,
        label: rule.label,
        percent: rule.percent,
        amount: roundToMinor(amount, input.currency_code),
      })
      if (!rule.stackable) {
        break
      }
    }
  }
  if (input.incentive && input.incentive.percent !== 0) {
    const amount = (running * input.incentive.percent) / 100
    running += amount
    adjustments.push({
      rule_id: input.incentive.rule_id,
      kind: "incentive",
      label: input.incentive.label,
      percent: input.incentive.percent,
      amount: roundToMinor(amount, input.currency_code),
    })
  }
  return {
    base: input.base,
    adjustments,
    final: roundToMinor(running, input.currency_code),
    currency_code: input.currency_code,
  }
}

/** What is wrong with a rule's definition, one message per problem; empty when it is usable. */
export function pricingRuleProblems(rule: Omit<PricingRule, "id">): string[] {
  const problems: string[] = []
  if (!(rule.percent > -100 && rule.percent <= 1000)) {
    problems.push("percent must be above -100 and at most 1000")
  }
  if (rule.percent === 0) {
    problems.push("percent must not be 0")
  }
  const only = (field: keyof Omit<PricingRule, "id">, kinds: PricingRuleKind[]) => {
    const value = rule[field]
    const present = Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined && value !== false
    if (present && !kinds.includes(rule.kind)) {
      problems.push(`${field} applies to ${kinds.join(" and ")} rules only`)
    }
  }
  only("months", ["season"])
  only("start_date", ["season"])
  only("end_date", ["season"])
  only("repeats_yearly", ["season"])
  only("days", ["last_minute", "early_bird"])
  only("weekdays", ["weekday"])

  switch (rule.kind) {
    case "season": {
      const hasMonths = !!rule.months?.length
      const hasRange = !!rule.start_date || !!rule.end_date
      if (hasMonths === hasRange) {
        problems.push("a season rule needs either months or a start_date and end_date")
      }
      if (hasMonths && rule.months!.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) {
        problems.push("months must be whole numbers from 1 to 12")
      }
      if (hasRange) {
        if (!rule.start_date || !rule.end_date || !isCalendarDate(rule.start_date) || !isCalendarDate(rule.end_date)) {
          problems.push("start_date and end_date must both be calendar dates written YYYY-MM-DD")
        } else if (!rule.repeats_yearly && rule.start_date > rule.end_date) {
          problems.push("start_date must not be after end_date")
        }
      }
      break
    }
    case "last_minute":
    case "early_bird":
      if (rule.days == null || !Number.isInteger(rule.days) || rule.days < (rule.kind === "last_minute" ? 1 : 0)) {
        problems.push(
          rule.kind === "last_minute"
            ? "a last_minute rule needs days, a whole number of at least 1"
            : "an early_bird rule needs days, a whole number of at least 0"
        )
      }
      break
    case "weekday":
      if (!rule.weekdays?.length || rule.weekdays.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
        problems.push("a weekday rule needs weekdays, whole numbers from 0 (Sunday) to 6 (Saturday)")
      }
      break
  }
  return problems
}
