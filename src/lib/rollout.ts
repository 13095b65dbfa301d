import { unitHash } from "./bucketing"

/** The features that roll out by stages of tenants. */
export const ROLLOUT_FEATURES = ["tiered_catalog", "upsell"] as const
export type RolloutFeature = (typeof ROLLOUT_FEATURES)[number]

/** The plan's ladder: 5%, 25%, 50%, then every tenant. */
export const DEFAULT_LADDER = [5, 25, 50, 100]

/**
 * A tenant's place on every rollout, in [0, 100): a tenant is in a stage of `percent` when its place
 * is under it, so raising the percent only adds tenants. Both features share the place, so the
 * upsell's tenants at a percent are among the catalog's at the same or a higher one.
 */
export function tenantPlace(salesChannelId: string): number {
  return unitHash(`rollout:${salesChannelId}`) * 100
}

export function inStage(salesChannelId: string, percent: number): boolean {
  return tenantPlace(salesChannelId) < percent
}

/** A ladder as used: the stages over 0 in ascending order, each once, ending at 100. */
export function normalizeLadder(ladder: number[]): number[] {
  return [...new Set([...ladder.filter((p) => p > 0 && p <= 100), 100])].sort((a, b) => a - b)
}

/** The stage after `percent` (the first rung above it), or null at 100. */
export function nextStage(ladder: number[], percent: number): number | null {
  return normalizeLadder(ladder).find((p) => p > percent) ?? null
}

/** The stage before `percent` (the last rung under it, 0 under the first), or null at 0. */
export function previousStage(ladder: number[], percent: number): number | null {
  if (percent <= 0) return null
  const below = normalizeLadder(ladder).filter((p) => p < percent)
  return below.length ? below[below.length - 1] : 0
}

export const ROLLOUT_ACTIONS = ["advance", "set", "pause", "resume", "rollback"] as const
export type RolloutAction = (typeof ROLLOUT_ACTIONS)[number]
