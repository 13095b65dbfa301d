import { numberOrNull } from "./form-values"
import type { CommissionRate, CommissionRateChange, ConnectAccountState } from "../../contract/admin"

/** The Commission & payouts page's rules in words: a tenant's commission overrides and its Stripe Connect status. */

export const formatPercent = (percent: number, locale?: string) =>
  `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(percent)}%`

// ---- commission overrides ----

/** What the override input shows: the tenant's own percent, or empty for the segment's. */
export const overrideInput = (rate: CommissionRate) => (rate.override_percent === null ? "" : String(rate.override_percent))

/**
 * The overrides the merchant changed, as the API takes them (an empty input: back to the segment's
 * rate). Text that is not a number is refused here: JSON would send it as null and clear the override.
 */
export function overrideChanges(
  rates: CommissionRate[],
  inputs: Record<string, string>
): { changes: CommissionRateChange[] } | { problem: string } {
  const changes: CommissionRateChange[] = []
  for (const rate of rates) {
    const typed = inputs[rate.segment_id]
    if (typed === undefined) continue
    const percent = numberOrNull(typed)
    if (percent !== null && !Number.isFinite(percent)) {
      return { problem: `${rate.segment_name}: enter a percent, or leave it empty for the segment's rate.` }
    }
    if (percent !== rate.override_percent) changes.push({ segment_id: rate.segment_id, percent })
  }
  return { changes }
}

// ---- Stripe Connect ----

export type ConnectStage = "off" | "not_set_up" | "onboarding" | "details_submitted" | "charges_enabled" | "payouts_enabled"

type BadgeColor = "grey" | "orange" | "blue" | "green"

export const CONNECT_STAGES: Record<ConnectStage, { label: string; color: BadgeColor; description: string }> = {
  off: {
    label: "Stripe Connect is off",
    color: "grey",
    description: "This server has no Stripe Connect settings, so tenants cannot connect their Stripe accounts.",
  },
  not_set_up: {
    label: "Not set up",
    color: "grey",
    description: "The tenant has no connected Stripe account yet; its storefront cannot take Stripe Connect payments.",
  },
  onboarding: {
    label: "Onboarding not finished",
    color: "orange",
    description: "The tenant's Stripe account exists, but the tenant has not given Stripe its details yet.",
  },
  details_submitted: {
    label: "Details submitted",
    color: "blue",
    description: "Stripe has the tenant's details and has not enabled charges yet; Stripe Connect payments wait until it does.",
  },
  charges_enabled: {
    label: "Charges enabled",
    color: "green",
    description: "The storefront takes Stripe Connect payments. Stripe has not enabled payouts to the tenant's bank yet.",
  },
  payouts_enabled: {
    label: "Payouts enabled",
    color: "green",
    description: "The storefront takes Stripe Connect payments and the tenant receives payouts.",
  },
}

export function connectStage({ account, configured }: ConnectAccountState): ConnectStage {
  if (!configured) return "off"
  if (!account) return "not_set_up"
  if (account.charges_enabled) return account.payouts_enabled ? "payouts_enabled" : "charges_enabled"
  return account.details_submitted ? "details_submitted" : "onboarding"
}

/** The onboarding button, when there is something for the tenant to do at Stripe. */
export function onboardingAction(state: ConnectAccountState): "Connect with Stripe" | "Continue onboarding" | null {
  if (!state.configured) return null
  if (!state.account) return "Connect with Stripe"
  return !state.account.details_submitted || state.account.requirements_due.length ? "Continue onboarding" : null
}

const REQUIREMENTS: Record<string, string> = {
  external_account: "Bank account for payouts",
  "tos_acceptance.date": "Acceptance of Stripe's terms",
  "tos_acceptance.ip": "Acceptance of Stripe's terms",
  "business_profile.url": "Business website",
  "business_profile.mcc": "Business category",
}

/** Stripe's `currently_due` codes in words, each once. */
export function requirementsText(codes: string[]): string[] {
  const words = codes.map((code) => {
    if (REQUIREMENTS[code]) return REQUIREMENTS[code]
    const text = code.replace(/[._]+/g, " ").trim()
    return text.charAt(0).toUpperCase() + text.slice(1)
  })
  return [...new Set(words)]
}

/** When the plugin last heard the account's status from Stripe (a webhook or a refresh). */
export const statusAsOf = (updatedAt: string | null, locale?: string) =>
  updatedAt ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(updatedAt)) : "Not heard from Stripe yet"
