import { buildRows, type TierFeature } from "../../lib/comparison"
import { blankRow, featureRow, kindOf, rowFeature, rowKey, type FeatureKind, type FeatureRow } from "./feature-rows"

/** One tier of the segment: a column of the grid, lowest level first. */
export type GridColumn = { id: string; level: number; name: string; features: TierFeature[] }

/**
 * One tier's value on a row. A number or text cell offers the row while it holds a value; a yes/no
 * cell of a plain feature while it is ticked; a yes/no cell of a keyed row always, as yes or no.
 */
export type GridCell = { present: boolean; kind: FeatureKind; value: string; included: boolean; source?: TierFeature }

/** A row of the grid: what all tiers share (key, label, group, kind, unit) and one cell per column. */
export type GridRow = { head: FeatureRow; cells: GridCell[] }

export type FeatureGrid = { columns: GridColumn[]; rows: GridRow[] }

const absent = (kind: FeatureKind): GridCell => ({ present: false, kind, value: "", included: false })

const featureKey = (feature: TierFeature) => (typeof feature === "string" ? feature : feature.key)

/** The grid of a segment's tiers: rows as the comparison orders them (grouped, the lowest level's label). */
export function featureGrid(tiers: GridColumn[]): FeatureGrid {
  const columns = [...tiers].sort((a, b) => a.level - b.level)
  const rows = buildRows(columns).map((compared): GridRow => {
    const found = columns.map((column) => column.features.find((f) => featureKey(f) === compared.key))
    const first = featureRow(found.find((f) => f !== undefined)!)
    const head: FeatureRow = {
      ...first,
      label: compared.label,
      group: compared.group ?? "",
      plain: found.every((f) => f === undefined || typeof f === "string"),
      source: undefined,
    }
    const cells = found.map((feature): GridCell => {
      if (feature === undefined) return absent(head.kind)
      const row = featureRow(feature)
      return { present: true, kind: row.kind, value: row.value, included: row.included, source: feature }
    })
    return { head, cells }
  })
  return { columns, rows }
}

/** The grid with a new row, in every tier: empty values, or "no" for a yes/no row. */
export function addGridRow(grid: FeatureGrid, head: FeatureRow): FeatureGrid {
  const row = { ...blankRow(head), plain: false }
  const cell = (): GridCell => (row.kind === "yesno" ? { ...absent("yesno"), present: true } : absent(row.kind))
  return { ...grid, rows: [...grid.rows, { head: row, cells: grid.columns.map(cell) }] }
}

/** The grid with one cell set to what the merchant entered. */
export function setGridCell(grid: FeatureGrid, rowIndex: number, column: number, input: { value?: string; included?: boolean }): FeatureGrid {
  const rows = grid.rows.map((row, r) => {
    if (r !== rowIndex) return row
    const cells = row.cells.map((cell, c) => {
      if (c !== column) return cell
      const next = { ...cell, ...input }
      if (next.kind !== "yesno") return { ...next, present: next.value.trim() !== "" }
      // A plain feature is there when ticked; a keyed yes/no row is there as yes or no.
      return { ...next, present: row.head.plain ? next.included : true }
    })
    return { ...row, cells }
  })
  return { ...grid, rows }
}

export const removeGridRow = (grid: FeatureGrid, rowIndex: number): FeatureGrid => ({
  ...grid,
  rows: grid.rows.filter((_, r) => r !== rowIndex),
})

/** A number cell may hold a text ("unlimited"); a value typed as it was keeps the kind it had. */
function cellKind(cell: GridCell): FeatureKind {
  if (cell.kind === "yesno") return "yesno"
  const typed = cell.value.trim()
  if (cell.source !== undefined && typeof cell.source !== "string" && String(cell.source.value) === typed) {
    return kindOf(cell.source.value)
  }
  return typed !== "" && Number.isFinite(Number(typed)) ? "number" : "text"
}

/** A tier's feature from its cell: its own key, label, group and unit where it had the row, the row's where it is new. */
function cellFeature(head: FeatureRow, cell: GridCell): TierFeature {
  const kind = cellKind(cell)
  const base = cell.source !== undefined ? featureRow(cell.source) : head
  // A tier's number keeps its own unit; a value new to it (or a text turned number) takes the row's.
  const ownUnit = cell.source !== undefined && (base.kind === "number" || base.unit !== "")
  return rowFeature({
    ...base,
    kind,
    value: cell.value,
    included: kind === "yesno" ? cell.included : true,
    unit: ownUnit ? base.unit : kind === "number" ? head.unit : "",
  })
}

/**
 * One tier's features after the grid's edits: its features in their order (an unchanged one as it
 * was, a cleared one left out), then the rows it gained in grid order.
 */
export function columnFeatures(grid: FeatureGrid, column: number): TierFeature[] {
  const edited = new Map<TierFeature, TierFeature>()
  const added: TierFeature[] = []
  for (const row of grid.rows) {
    const cell = row.cells[column]
    if (!cell.present) continue
    const feature = cellFeature(row.head, cell)
    if (cell.source === undefined) added.push(feature)
    else edited.set(cell.source, feature)
  }
  const kept = grid.columns[column].features.filter((f) => edited.has(f)).map((f) => edited.get(f)!)
  return [...kept, ...added]
}

/** The tiers whose features the grid changed, with their new features: one update each. */
export function changedColumns(grid: FeatureGrid): { id: string; features: TierFeature[] }[] {
  return grid.columns
    .map((column, i) => ({ id: column.id, features: columnFeatures(grid, i), before: column.features }))
    .filter((c) => JSON.stringify(c.features) !== JSON.stringify(c.before))
    .map(({ id, features }) => ({ id, features }))
}

/** Per grid row, where each tier offers more than the tier below it, as the storefront marks it. */
export function gridMarks(grid: FeatureGrid): boolean[][] {
  const compared = buildRows(grid.columns.map((column, i) => ({ features: columnFeatures(grid, i), level: column.level })))
  const better = new Map(compared.map((row) => [row.key, row.better]))
  return grid.rows.map((row) => better.get(rowKey({ ...row.head, included: true })) ?? grid.columns.map(() => false))
}

/** The grid's rows under their group headings, in order of first appearance, with their indexes in `grid.rows`. */
export function gridGroups(grid: FeatureGrid): { group: string; rows: number[] }[] {
  const groups = new Map<string, number[]>()
  grid.rows.forEach((row, i) => {
    const group = row.head.group.trim()
    groups.set(group, [...(groups.get(group) ?? []), i])
  })
  return [...groups.entries()].map(([group, rows]) => ({ group, rows }))
}
