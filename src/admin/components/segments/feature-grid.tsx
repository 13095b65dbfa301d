import { Plus, Trash } from "@medusajs/icons"
import { Button, Checkbox, Drawer, IconButton, Input, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { updateTier } from "../../lib/api"
import {
  addGridRow,
  changedColumns,
  featureGrid,
  gridGroups,
  gridMarks,
  removeGridRow,
  setGridCell,
  type FeatureGrid,
  type GridRow,
} from "../../lib/feature-grid"
import { blankRow, rowKey, type FeatureRow } from "../../lib/feature-rows"
import { useAdminMutation } from "../../lib/queries"
import type { Segment } from "../../../contract/admin"
import { DrawerForm } from "../form-drawer"
import { KindSelect } from "../features/kind-select"

type FeatureGridDrawerProps = { segment: Segment; onClose: () => void }

/** The features of all a segment's tiers at once: rows (grouped) by tiers (by level), one update per changed tier. */
export function FeatureGridDrawer({ segment, onClose }: FeatureGridDrawerProps) {
  const [grid, setGrid] = useState(() =>
    featureGrid(segment.tiers.filter((tier) => !tier.archived_at).map(({ id, level, name, features }) => ({ id, level, name, features })))
  )
  const save = useAdminMutation(async (changes: ReturnType<typeof changedColumns>) => {
    // One tier after another, so a refusal names the tier it stopped at and the rest are not sent.
    for (const change of changes) {
      await updateTier(change.id, { features: change.features }).catch((error: unknown) => {
        const name = grid.columns.find((c) => c.id === change.id)?.name
        throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`)
      })
    }
    return changes.length
  }, (count) => (count === 1 ? "1 tier saved" : `${count} tiers saved`))

  const submit = () => {
    const changes = changedColumns(grid)
    if (changes.length === 0) {
      toast.info("Nothing to save")
      onClose()
      return
    }
    save.mutate(changes, { onSuccess: onClose })
  }

  return (
    <Drawer open onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="feature-grid-drawer" aria-describedby={undefined} className="sm:max-w-[1040px]">
        <Drawer.Header>
          <Drawer.Title>Features of {segment.name}</Drawer.Title>
        </Drawer.Header>
        <DrawerForm submitLabel="Save" submitting={save.isPending} onSubmit={submit}>
          {grid.columns.length === 0 ? (
            <Text size="small" className="text-ui-fg-subtle">
              This segment has no tiers yet.
            </Text>
          ) : (
            <>
              <GridTable grid={grid} onChange={setGrid} />
              <NewRow onAdd={(head) => setGrid((current) => addGridRow(current, head))} />
            </>
          )}
        </DrawerForm>
      </Drawer.Content>
    </Drawer>
  )
}

function GridTable({ grid, onChange }: { grid: FeatureGrid; onChange: (grid: FeatureGrid) => void }) {
  const marks = gridMarks(grid)
  return (
    <Table data-testid="feature-grid">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Row</Table.HeaderCell>
          {grid.columns.map((column) => (
            <Table.HeaderCell key={column.id} data-testid={`grid-tier-${column.level}`}>
              {column.name} · Level {column.level}
            </Table.HeaderCell>
          ))}
          <Table.HeaderCell className="w-10" />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {gridGroups(grid).map(({ group, rows }) => [
          <Table.Row key={`group-${group}`} className="bg-ui-bg-subtle">
            <td colSpan={grid.columns.length + 2} className="px-6 py-2">
              <Text size="xsmall" weight="plus" className="text-ui-fg-subtle uppercase">
                {group || "Other"}
              </Text>
            </td>
          </Table.Row>,
          ...rows.map((r) => (
            <GridLine
              key={r}
              row={grid.rows[r]}
              marks={marks[r]}
              columns={grid.columns}
              onCell={(column, input) => onChange(setGridCell(grid, r, column, input))}
              onRemove={() => onChange(removeGridRow(grid, r))}
            />
          )),
        ])}
      </Table.Body>
    </Table>
  )
}

type GridLineProps = {
  row: GridRow
  marks: boolean[]
  columns: FeatureGrid["columns"]
  onCell: (column: number, input: { value?: string; included?: boolean }) => void
  onRemove: () => void
}

function GridLine({ row, marks, columns, onCell, onRemove }: GridLineProps) {
  const { head } = row
  const key = rowKey({ ...head, included: true })
  return (
    <Table.Row data-testid={`grid-row-${key}`}>
      <Table.Cell>
        <Text size="small" weight="plus">
          {head.label}
        </Text>
        {head.kind === "number" && head.unit && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            in {head.unit}
          </Text>
        )}
      </Table.Cell>
      {row.cells.map((cell, c) => {
        const what = `${head.label} in ${columns[c].name}`
        return (
          <Table.Cell key={columns[c].id} data-testid={`grid-cell-${key}-${columns[c].level}`}>
            <div className="flex items-center gap-x-2">
              {cell.kind === "yesno" ? (
                <Checkbox aria-label={what} checked={cell.present && cell.included} onCheckedChange={(v) => onCell(c, { included: v === true })} />
              ) : (
                <Input size="small" className="w-24" aria-label={what} value={cell.value} onChange={(e) => onCell(c, { value: e.target.value })} />
              )}
              {marks[c] && (
                <span className="text-ui-fg-interactive txt-compact-small-plus" data-testid="better-mark">
                  <span aria-hidden>+</span>
                  <span className="sr-only">better than the tier below</span>
                </span>
              )}
            </div>
          </Table.Cell>
        )
      })}
      <Table.Cell>
        <IconButton size="small" variant="transparent" type="button" aria-label={`Remove row ${head.label}`} onClick={onRemove}>
          <Trash />
        </IconButton>
      </Table.Cell>
    </Table.Row>
  )
}

/** Adds a row to every tier: its group, label, how its value is entered and the unit of a number. */
function NewRow({ onAdd }: { onAdd: (head: FeatureRow) => void }) {
  const [head, setHead] = useState(blankRow)
  const set = (change: Partial<FeatureRow>) => setHead((current) => ({ ...current, ...change }))
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="grid-new-row">
      <Input size="small" className="w-32" placeholder="Group" aria-label="New row group" value={head.group} onChange={(e) => set({ group: e.target.value })} />
      <Input size="small" className="w-44" placeholder="Label" aria-label="New row label" value={head.label} onChange={(e) => set({ label: e.target.value })} />
      <KindSelect label="New row kind" value={head.kind} onChange={(kind) => set({ kind })} />
      {head.kind === "number" && (
        <Input size="small" className="w-20" placeholder="Unit" aria-label="New row unit" value={head.unit} onChange={(e) => set({ unit: e.target.value })} />
      )}
      <Button
        size="small"
        variant="secondary"
        type="button"
        disabled={head.label.trim() === ""}
        onClick={() => {
          onAdd(head)
          setHead(blankRow())
        }}
      >
        <Plus />
        Add row
      </Button>
    </div>
  )
}
