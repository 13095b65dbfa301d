import { inRollout } from "./bucketing"

/** What the merchant can switch at runtime; defaults come from the plugin options. */
export type Flags = {
  /** The tiered catalog on the storefront (segments, tiers, tier carts). */
  segments: boolean
  upsell: boolean
  /** Share of visitors (0-100) who get upsell offers, sticky per visitor. */
  upsell_rollout_percent: number
  /** Sales channels the plugin runs for; null = every tenant. */
  tenant_allowlist: string[] | null
}

export type FlagOverrides = Partial<Flags>

export const DEFAULT_FLAGS: Flags = {
  segments: true,
  upsell: true,
  upsell_rollout_percent: 100,
  tenant_allowlist: null,
}

export const FLAG_KEYS = Object.keys(DEFAULT_FLAGS) as (keyof Flags)[]

export function effectiveFlags(defaults: Flags, overrides: FlagOverrides): Flags {
  const flags = { ...defaults }
  for (const key of FLAG_KEYS) {
    if (overrides[key] !== undefined) {
      ;(flags as Record<string, unknown>)[key] = overrides[key]
    }
  }
  return flags
}

const allowed = (flags: Flags, channel: string) => !flags.tenant_allowlist || flags.tenant_allowlist.includes(channel)

/** The sales channels whose storefront shows the tiered catalog. */
export function segmentChannels(flags: Flags, channels: string[]): string[] {
  return flags.segments ? channels.filter((c) => allowed(flags, c)) : []
}

/** Whether a visitor of a tenant gets upsell offers; `visitorId` is one the server signed (visitor-id.ts), never a chosen one. */
export function upsellOn(flags: Flags, channel: string, visitorId: string): boolean {
  return (
    flags.segments &&
    flags.upsell &&
    allowed(flags, channel) &&
    inRollout("upsell", visitorId, flags.upsell_rollout_percent)
  )
}
