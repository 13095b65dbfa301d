export type ComparableTier = {
  features: string[]
}

export type ComparisonMatrix = {
  features: string[]
  matrix: Record<string, boolean[]>
}

/**
 * Every feature of the given tiers, in order of first appearance (tiers in the
 * order given, each tier's features in its own order), with one flag per tier.
 */
export function buildComparison(tiers: ComparableTier[]): ComparisonMatrix {
  const features: string[] = []
  const seen = new Set<string>()
  for (const tier of tiers) {
    for (const feature of tier.features) {
      if (!seen.has(feature)) {
        seen.add(feature)
        features.push(feature)
      }
    }
  }

  const sets = tiers.map((tier) => new Set(tier.features))
  const matrix: Record<string, boolean[]> = {}
  for (const feature of features) {
    matrix[feature] = sets.map((set) => set.has(feature))
  }
  return { features, matrix }
}
