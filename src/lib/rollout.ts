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

/** A feature's rollout position: its stage's percent and whether it is paused. */
export type RolloutPosition = { percent: number; paused: boolean }

export type RolloutRequest =
  | { action: "advance" | "pause" | "resume" | "rollback" }
  | { action: "set"; percent: number }

/**
 * Where a change takes a feature, or why it cannot (nothing would change, or there is no rung
 * to go to). Advancing needs the stage running; a rollback steps down and keeps a pause as it is.
 */
export function planRolloutChange(
  ladder: number[],
  from: RolloutPosition,
  request: RolloutRequest
): { to: RolloutPosition } | { refused: string } {
  switch (request.action) {
    case "advance": {
      if (from.paused) return { refused: "The rollout is paused: resume it before advancing" }
      const next = nextStage(ladder, from.percent)
      return next === null ? { refused: "The rollout is already at 100%" } : { to: { percent: next, paused: false } }
    }
    case "rollback": {
      const previous = previousStage(ladder, from.percent)
      return previous === null ? { refused: "The rollout is already at 0%" } : { to: { percent: previous, paused: from.paused } }
    }
    case "pause":
      return from.paused ? { refused: "The rollout is already paused" } : { to: { percent: from.percent, paused: true } }
    case "resume":
      return from.paused ? { to: { percent: from.percent, paused: false } } : { refused: "The rollout is not paused" }
    case "set":
      return request.percent === from.percent
        ? { refused: `The rollout is already at ${from.percent}%` }
        : { to: { percent: request.percent, paused: from.paused } }
  }
}
