import { inStage, RolloutFeature } from "./rollout"

/** A tenant's own switches, over the stage and the allowlist. */
export type TenantOverride = Partial<Record<RolloutFeature, boolean>>

/** What the merchant can switch at runtime; defaults come from the plugin options. */
export type Flags = {
  /** The tiered catalog on the storefront (segments, tiers, tier carts). */
  segments: boolean
  upsell: boolean
  /** The tiered catalog's rollout stage: share of tenants (0-100), sticky per sales channel. */
  tiered_catalog_rollout_percent: number
  /** The upsell's rollout stage: share of tenants (0-100), sticky per sales channel. */
  upsell_rollout_percent: number
  /** Features whose stage is paused: off for the tenants the stage let in, the stage kept for the resume. */
  rollout_paused: RolloutFeature[]
  /** Sales channels the plugin runs for, whatever the stages; null = the stages decide. */
  tenant_allowlist: string[] | null
  /** Per sales channel, a feature forced on or off, over the allowlist and the stage. */
  tenant_overrides: Record<string, TenantOverride>
}

export type FlagOverrides = Partial<Flags>

export const DEFAULT_FLAGS: Flags = {
  segments: true,
  upsell: true,
  tiered_catalog_rollout_percent: 100,
  upsell_rollout_percent: 100,
  rollout_paused: [],
  tenant_allowlist: null,
  tenant_overrides: {},
}

export const FLAG_KEYS = Object.keys(DEFAULT_FLAGS) as (keyof Flags)[]

export const ROLLOUT_PERCENT_KEY = {
  tiered_catalog: "tiered_catalog_rollout_percent",
  upsell: "upsell_rollout_percent",
} as const satisfies Record<RolloutFeature, keyof Flags>

export function effectiveFlags(defaults: Flags, overrides: FlagOverrides): Flags {
  const flags = { ...defaults }
  for (const key of FLAG_KEYS) {
    if (overrides[key] !== undefined) {
      ;(flags as Record<string, unknown>)[key] = overrides[key]
    }
  }
  return flags
}

/** The feature's stage in force: its percent, or 0 while paused. */
export function stagePercent(flags: Flags, feature: RolloutFeature): number {
  return flags.rollout_paused.includes(feature) ? 0 : flags[ROLLOUT_PERCENT_KEY[feature]]
}

/**
 * Whether a feature runs for a tenant: the feature's switch first, then the tenant's override,
 * then the allowlist (a tenant on it is in, one off it out), then the sticky stage.
 */
export function featureOn(flags: Flags, feature: RolloutFeature, channel: string): boolean {
  const master = feature === "tiered_catalog" ? flags.segments : flags.upsell
  if (!master) return false
  const forced = flags.tenant_overrides[channel]?.[feature]
  if (forced !== undefined) return forced
  if (flags.tenant_allowlist) return flags.tenant_allowlist.includes(channel)
  return inStage(channel, stagePercent(flags, feature))
}

/** The sales channels whose storefront shows the tiered catalog. */
export function segmentChannels(flags: Flags, channels: string[]): string[] {
  return channels.filter((c) => featureOn(flags, "tiered_catalog", c))
}

/** Whether a tenant's visitors get upsell offers: upsell needs the tiered catalog too. */
export function upsellOn(flags: Flags, channel: string): boolean {
  return featureOn(flags, "tiered_catalog", channel) && featureOn(flags, "upsell", channel)
}

/** The sales channels a feature runs for (the upsell's among the catalog's). */
export function featureChannels(flags: Flags, feature: RolloutFeature, channels: string[]): string[] {
  return feature === "tiered_catalog" ? segmentChannels(flags, channels) : channels.filter((c) => upsellOn(flags, c))
}
