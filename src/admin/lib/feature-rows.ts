import type { FeatureValue, TierFeature } from "../../lib/comparison"

/** How a row's value is entered: a yes/no switch, a number (read with its unit) or a text. */
export type FeatureKind = "yesno" | "number" | "text"

/**
 * One feature as the tier form holds it (text as typed). `plain` marks a plain string feature: it
 * is saved back as that string while the merchant gives it no value, group or key of its own.
 */
export type FeatureRow = {
  /** Empty until saved: the key is then made from the label. */
  key: string
  label: string
  group: string
  kind: FeatureKind
  /** The number or text as typed; unused for yes/no. */
  value: string
  /** The yes/no value. */
  included: boolean
  unit: string
  plain: boolean
  /** The feature the row was read from: saved as it was while the row still says the same. */
  source?: TierFeature
}

/** A row key from a label, as the API accepts keys: "Edited photos" -> "edited-photos". */
export function slugKey(label: string): string {
  const slug = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/, "")
  return slug || "feature"
}

export const kindOf = (value: FeatureValue): FeatureKind =>
  typeof value === "boolean" ? "yesno" : typeof value === "number" ? "number" : "text"

export function featureRow(feature: TierFeature): FeatureRow {
  if (typeof feature === "string") {
    return { key: "", label: feature, group: "", kind: "yesno", value: "", included: true, unit: "", plain: true, source: feature }
  }
  return {
    key: feature.key,
    label: feature.label,
    group: feature.group ?? "",
    kind: kindOf(feature.value),
    value: typeof feature.value === "boolean" ? "" : String(feature.value),
    included: feature.value === true,
    unit: feature.unit ?? "",
    plain: false,
    source: feature,
  }
}

/** An empty row, or one shaped like a row another tier of the segment has (its key, label, group, kind and unit). */
export function blankRow(like?: FeatureRow): FeatureRow {
  if (!like) {
    return { key: "", label: "", group: "", kind: "yesno", value: "", included: true, unit: "", plain: false }
  }
  return { key: like.key, label: like.label, group: like.group, kind: like.kind, value: "", included: true, unit: like.unit, plain: like.plain }
}

/** Whether the row is still a plain string feature (a yes without group or key of its own). */
const staysPlain = (row: FeatureRow) =>
  row.plain && row.kind === "yesno" && row.included && row.group.trim() === "" && row.key === ""

/** The key the row is saved under: a plain feature's is its text, else its own key or one made from the label. */
export function rowKey(row: FeatureRow): string {
  return staysPlain(row) ? row.label.trim() : row.key || slugKey(row.label.trim())
}

/** The value to send; a number the API cannot read goes as typed, so its message names it. */
function rowValue(row: FeatureRow): FeatureValue {
  if (row.kind === "yesno") return row.included
  const typed = row.value.trim()
  if (row.kind === "text" || typed === "") return typed
  const n = Number(typed)
  return Number.isFinite(n) ? n : typed
}

/** What a feature says, whatever its spelling (absent or null group, absent or null unit). */
function meaning(feature: TierFeature) {
  if (typeof feature === "string") return { plain: feature }
  return {
    key: feature.key,
    label: feature.label,
    group: feature.group || null,
    value: feature.value,
    unit: feature.unit || null,
  }
}

export const sameFeature = (a: TierFeature, b: TierFeature) => JSON.stringify(meaning(a)) === JSON.stringify(meaning(b))

export function rowFeature(row: FeatureRow): TierFeature {
  const label = row.label.trim()
  const group = row.group.trim()
  const unit = row.unit.trim()
  const feature: TierFeature = staysPlain(row)
    ? label
    : {
        key: rowKey(row),
        label,
        ...(group ? { group } : {}),
        value: rowValue(row),
        ...(unit ? { unit } : {}),
      }
  return row.source !== undefined && sameFeature(row.source, feature) ? row.source : feature
}

/** The rows a merchant leaves entirely empty are not features. */
const isEmpty = (row: FeatureRow) => row.label.trim() === "" && row.value.trim() === "" && row.group.trim() === ""

export const featureRows = (features: TierFeature[]): FeatureRow[] => features.map(featureRow)

export const rowsFeatures = (rows: FeatureRow[]): TierFeature[] => rows.filter((row) => !isEmpty(row)).map(rowFeature)

/** The list with the item at `from` moved to `to` (both in range). */
export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list
  const next = [...list]
  const [item] = next.splice(from, 1)
  next.splice(to, 0, item)
  return next
}

/**
 * Rows the other tiers of a segment have that `rows` lacks (by key), one per key in the order met,
 * so the tiers of a segment fill the same rows.
 */
export function rowSuggestions(tierFeatures: TierFeature[][], rows: FeatureRow[]): FeatureRow[] {
  const taken = new Set(rows.map(rowKey))
  const found = new Map<string, FeatureRow>()
  for (const feature of tierFeatures.flat()) {
    const row = blankRow(featureRow(feature))
    const key = rowKey(row)
    if (!taken.has(key) && !found.has(key)) found.set(key, row)
  }
  return [...found.values()]
}

/** The rows of the segment's other live tiers that the form lacks (the tier itself is known by its level). */
export function segmentRowSuggestions(
  segment: { tiers: { level: number; archived_at: unknown; features: TierFeature[] }[] } | undefined,
  values: { level: string; features: FeatureRow[] }
): FeatureRow[] {
  if (!segment) return []
  const others = segment.tiers.filter((tier) => !tier.archived_at && String(tier.level) !== values.level.trim())
  return rowSuggestions(
    others.map((tier) => tier.features),
    values.features
  )
}
