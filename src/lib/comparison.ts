/** What a valued feature says: a number (read with its unit), a text, or yes/no. */
export type FeatureValue = string | number | boolean

/**
 * A feature with a value. `key` aligns the rows of the tiers of a segment: every tier whose
 * feature has the key "coverage" fills the same row.
 */
export type ValuedFeature = {
  /** Lowercase letters and digits, words joined by single dashes or underscores: "coverage", "edited-photos". */
  key: string
  /** What the row is called: "Coverage". */
  label: string
  /** The heading the row sits under: "Deliverables"; null or absent for none. */
  group?: string | null
  /** A number reads with its unit ("8 h"), `true` reads "Included", `false` "—", a text as itself. */
  value: FeatureValue
  /** Read after a number: 8 with "h" is "8 h". */
  unit?: string | null
}

/**
 * One feature of a tier: a plain string is a yes-row of its own (its key and label are the
 * string), an object is a keyed, valued row.
 */
export type TierFeature = string | ValuedFeature

export type ComparableTier = {
  features: TierFeature[]
  /** Decides whose label and group a shared row takes (the lowest level's) and the row order; absent: the order given. */
  level?: number
}

/** One row of the comparison: one entry per tier in each list, in the order the tiers were compared. */
export type ComparisonRow = {
  key: string
  group: string | null
  label: string
  /** The tier's value; null where the tier does not have the row. A plain feature present is `true`. */
  values: (FeatureValue | null)[]
  units: (string | null)[]
  /** How each value reads: "8 h", "400", "Included", "—" (absent or false). */
  display: string[]
  /** Where the tier offers more than the tier before it in the list (see `offersMore`). */
  better: boolean[]
}

export type ComparisonMatrix = {
  /** The rows' labels (a plain feature's is the feature itself), in order of first appearance (tiers in the order given). */
  features: string[]
  /** Whether each tier has the feature; for a valued row, whether it offers it (not `false`, not 0). */
  matrix: Record<string, boolean[]>
  /** Rows of the same group are together: groups in order of first appearance, rows by first appearance. */
  rows: ComparisonRow[]
}

/** What a tier upgrade gains on one row. */
export type FeatureGain = {
  key: string
  group: string | null
  label: string
  from: FeatureValue | null
  to: FeatureValue
  from_display: string
  to_display: string
  /** How the gain reads: "Coverage: 10 h → 12 h", "Heirloom album", "Edited photos: 600". */
  text: string
}

/** One tier's value on a row, with its unit. */
export type FeatureCell = { value: FeatureValue; unit: string | null }
type Named = { key: string; label: string; group: string | null; cell: FeatureCell }

export const ABSENT_DISPLAY = "—"
export const INCLUDED_DISPLAY = "Included"

const NUMBER_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })

function named(feature: TierFeature): Named {
  if (typeof feature === "string") {
    return { key: feature, label: feature, group: null, cell: { value: true, unit: null } }
  }
  return {
    key: feature.key,
    label: feature.label,
    group: feature.group || null,
    cell: { value: feature.value, unit: feature.unit || null },
  }
}

/** A tier's features by row key; a key repeated in one tier (refused at input) keeps its first. */
function cellsOf(tier: ComparableTier): Map<string, Named> {
  const cells = new Map<string, Named>()
  for (const feature of tier.features) {
    const n = named(feature)
    if (!cells.has(n.key)) {
      cells.set(n.key, n)
    }
  }
  return cells
}

/** Whether a cell offers anything: absent, `false` and 0 do not. */
export function offers(cell: FeatureCell | null): boolean {
  return cell !== null && cell.value !== false && cell.value !== 0
}

/**
 * Whether `cur` offers more than `prev`: something where `prev` offered nothing, or a bigger
 * number in the same unit. Two different texts, or numbers in different units, are not ranked
 * (nothing says "Printed" is more than "Digital"), so they are never "more".
 */
export function offersMore(prev: FeatureCell | null, cur: FeatureCell | null): boolean {
  if (!offers(cur)) {
    return false
  }
  if (!offers(prev)) {
    return true
  }
  return typeof prev!.value === "number" && typeof cur!.value === "number" && prev!.unit === cur!.unit && cur!.value > prev!.value
}

export function displayValue(cell: FeatureCell | null): string {
  if (cell === null || cell.value === false) {
    return ABSENT_DISPLAY
  }
  if (cell.value === true) {
    return INCLUDED_DISPLAY
  }
  if (typeof cell.value === "number") {
    const n = NUMBER_FORMAT.format(cell.value)
    return cell.unit ? `${n} ${cell.unit}` : n
  }
  return cell.value
}

/** How one row's value reads in a sentence: "Second shooter", "Coverage: 8 h". */
export function featurePhrase(label: string, cell: FeatureCell): string {
  return cell.value === true ? label : `${label}: ${displayValue(cell)}`
}

/** A tier's features as strings (plain ones as they are, valued ones it offers as phrases), for storefronts that read strings. */
export function featureStrings(features: TierFeature[]): string[] {
  return [...cellsOf({ features }).values()].filter((n) => offers(n.cell)).map((n) => featurePhrase(n.label, n.cell))
}

/** Tier positions walked lowest level first (ties and unleveled tiers in the order given). */
function byLevelOrder(tiers: ComparableTier[]): number[] {
  const positions = tiers.map((_, i) => i)
  if (tiers.some((t) => t.level === undefined)) {
    return positions
  }
  return positions.sort((a, b) => tiers[a].level! - tiers[b].level! || a - b)
}

/** The rows of the given tiers (see ComparisonRow); the same tiers in any order give the same rows. */
export function buildRows(tiers: ComparableTier[]): ComparisonRow[] {
  const cells = tiers.map(cellsOf)
  const heads = new Map<string, { key: string; label: string; group: string | null }>()
  for (const i of byLevelOrder(tiers)) {
    for (const n of cells[i].values()) {
      const head = heads.get(n.key)
      if (!head) {
        heads.set(n.key, { key: n.key, label: n.label, group: n.group })
      } else if (head.group === null) {
        head.group = n.group
      }
    }
  }
  const groupOrder = new Map<string | null, number>()
  for (const head of heads.values()) {
    if (!groupOrder.has(head.group)) {
      groupOrder.set(head.group, groupOrder.size)
    }
  }
  // Array.prototype.sort is stable: rows keep their first-appearance order inside a group.
  const ordered = [...heads.values()].sort((a, b) => groupOrder.get(a.group)! - groupOrder.get(b.group)!)
  return ordered.map((head) => {
    const row = cells.map((c) => c.get(head.key)?.cell ?? null)
    return {
      ...head,
      values: row.map((c) => (c ? c.value : null)),
      units: row.map((c) => c?.unit ?? null),
      display: row.map(displayValue),
      better: row.map((c, i) => i > 0 && offersMore(row[i - 1], c)),
    }
  })
}

/**
 * The comparison of the given tiers: `features` and `matrix` as storefronts read them before
 * valued features (a valued row is listed by its label and marked where the tier offers it), and
 * the keyed `rows`.
 */
export function buildComparison(tiers: ComparableTier[]): ComparisonMatrix {
  const rows = buildRows(tiers)
  const labelOf = new Map(rows.map((r) => [r.key, r.label]))
  const features: string[] = []
  const matrix: Record<string, boolean[]> = {}
  tiers.forEach((tier, i) => {
    for (const feature of tier.features) {
      const n = named(feature)
      // A row's name is its label (a plain feature's is itself, unless a lower tier gives its key a label).
      const name = labelOf.get(n.key)!
      if (!matrix[name]) {
        features.push(name)
        matrix[name] = tiers.map(() => false)
      }
      // A plain feature and a valued row may share a name; the tier has it when either says so.
      matrix[name][i] ||= offers(n.cell)
    }
  })
  return { features, matrix, rows }
}

/** What `to` offers more of than `from`, row by row (see `offersMore`), in row order. */
export function featureGains(from: TierFeature[], to: TierFeature[]): FeatureGain[] {
  return buildRows([{ features: from }, { features: to }])
    .filter((row) => row.better[1])
    .map((row) => {
      const cell = (i: number) => (row.values[i] === null ? null : { value: row.values[i]!, unit: row.units[i] })
      const before = cell(0)
      const after = cell(1)!
      return {
        key: row.key,
        group: row.group,
        label: row.label,
        from: row.values[0],
        to: after.value,
        from_display: row.display[0],
        to_display: row.display[1],
        text: offers(before) ? `${row.label}: ${row.display[0]} → ${row.display[1]}` : featurePhrase(row.label, after),
      }
    })
}

/** The rows under one group heading; `group` null for rows without one. */
export type ComparisonGroup = { group: string | null; rows: ComparisonRow[] }

/** The rows under their group headings: groups in order of first appearance, each group's rows in the order given. */
export function groupRows(rows: ComparisonRow[]): ComparisonGroup[] {
  const groups = new Map<string | null, ComparisonGroup>()
  for (const row of rows) {
    const found = groups.get(row.group)
    if (found) {
      found.rows.push(row)
    } else {
      groups.set(row.group, { group: row.group, rows: [row] })
    }
  }
  return [...groups.values()]
}

/** Whether a row says only yes or no per tier (a plain feature, or a valued one set to true/false), so it reads as ✓ / —. */
export function isYesNoRow(row: ComparisonRow): boolean {
  return row.values.every((value) => value === null || typeof value === "boolean")
}
