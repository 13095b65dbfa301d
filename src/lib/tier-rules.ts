/** What the segment rules need to know of a tier. */
export type TierSlot = {
  id?: string
  segment_id: string
  level: number
  name: string
  is_popular: boolean
}

/**
 * Checks the live tiers a change would leave behind: levels are unique inside
 * a segment and a segment has at most one popular tier. `live` are the live
 * tiers now; `proposed` are tiers being created (no id) or the new state of
 * tiers being changed or restored (with id). Returns one message per conflict.
 */
export function tierConflicts(live: TierSlot[], proposed: TierSlot[]): string[] {
  const replaced = new Set(proposed.filter((t) => t.id).map((t) => t.id))
  const after = [...live.filter((t) => !replaced.has(t.id)), ...proposed]
  const problems: string[] = []
  const proposedSet = new Set(proposed)

  const byLevel = new Map<string, TierSlot[]>()
  const popular = new Map<string, TierSlot[]>()
  for (const tier of after) {
    const key = `${tier.segment_id}:${tier.level}`
    byLevel.set(key, [...(byLevel.get(key) ?? []), tier])
    if (tier.is_popular) {
      popular.set(tier.segment_id, [...(popular.get(tier.segment_id) ?? []), tier])
    }
  }

  for (const tiers of byLevel.values()) {
    if (tiers.length > 1 && tiers.some((t) => proposedSet.has(t))) {
      const names = tiers.map((t) => `"${t.name}"`).join(" and ")
      problems.push(
        `Level ${tiers[0].level} is taken more than once in segment ${tiers[0].segment_id} (${names}); levels must be unique among a segment's live tiers`
      )
    }
  }
  for (const tiers of popular.values()) {
    if (tiers.length > 1 && tiers.some((t) => proposedSet.has(t))) {
      const names = tiers.map((t) => `"${t.name}"`).join(" and ")
      problems.push(
        `Segment ${tiers[0].segment_id} would have more than one popular tier (${names}); unset the badge on the other tier first`
      )
    }
  }
  return problems
}

/** Tiers in a segment's order: by level, then by rank. */
export function byLevel(a: { level: number; rank: number }, b: { level: number; rank: number }) {
  return a.level - b.level || a.rank - b.rank
}
