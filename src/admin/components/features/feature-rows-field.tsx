import { ArrowDownMini, ArrowUpMini, Plus, Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Label, Switch, Text } from "@medusajs/ui"
import { blankRow, moveItem, type FeatureRow } from "../../lib/feature-rows"
import { KindSelect } from "./kind-select"

type FeatureRowsFieldProps = {
  rows: FeatureRow[]
  onChange: (rows: FeatureRow[]) => void
  /** Rows the segment's other tiers have and this tier lacks: one click adds the same row here. */
  suggestions: FeatureRow[]
}

/** A tier's features as rows: group, label and a value (yes/no, a number with its unit, or a text). */
export function FeatureRowsField({ rows, onChange, suggestions }: FeatureRowsFieldProps) {
  const update = (index: number, change: Partial<FeatureRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)))

  return (
    <div className="flex flex-col gap-y-2" data-testid="tier-features">
      <Label size="small" weight="plus">
        Features
      </Label>
      {rows.map((row, i) => (
        <FeatureRowInputs
          key={i}
          n={i + 1}
          row={row}
          last={i === rows.length - 1}
          onChange={(change) => update(i, change)}
          onMove={(by) => onChange(moveItem(rows, i, i + by))}
          onRemove={() => onChange(rows.filter((_, j) => j !== i))}
        />
      ))}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="small" variant="secondary" type="button" onClick={() => onChange([...rows, blankRow()])}>
          <Plus />
          Add feature
        </Button>
        {suggestions.map((suggestion) => (
          <Button
            key={suggestion.key || suggestion.label}
            size="small"
            variant="transparent"
            type="button"
            aria-label={`Add row ${suggestion.label} from this segment`}
            onClick={() => onChange([...rows, suggestion])}
          >
            + {suggestion.label}
          </Button>
        ))}
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        Rows with the same label line up across the segment's tiers; the buttons add rows its other tiers have.
      </Text>
    </div>
  )
}

type FeatureRowInputsProps = {
  n: number
  row: FeatureRow
  last: boolean
  onChange: (change: Partial<FeatureRow>) => void
  onMove: (by: number) => void
  onRemove: () => void
}

function FeatureRowInputs({ n, row, last, onChange, onMove, onRemove }: FeatureRowInputsProps) {
  return (
    <div className="border-ui-border-base flex flex-col gap-y-2 rounded-md border p-2" data-testid={`feature-row-${n}`}>
      <div className="flex items-center gap-x-2">
        <Input size="small" className="min-w-0 flex-1" placeholder="Label" aria-label={`Feature ${n} label`} value={row.label} onChange={(e) => onChange({ label: e.target.value })} />
        <KindSelect label={`Feature ${n} kind`} value={row.kind} onChange={(kind) => onChange(kind === "number" ? { kind } : { kind, unit: "" })} />
        {row.kind === "yesno" ? (
          <Switch aria-label={`Feature ${n} included`} checked={row.included} onCheckedChange={(included) => onChange({ included })} />
        ) : (
          <Input
            size="small"
            className="w-24"
            type={row.kind === "number" ? "number" : "text"}
            placeholder="Value"
            aria-label={`Feature ${n} value`}
            value={row.value}
            onChange={(e) => onChange({ value: e.target.value })}
          />
        )}
        {row.kind === "number" && (
          <Input size="small" className="w-20" placeholder="Unit" aria-label={`Feature ${n} unit`} value={row.unit} onChange={(e) => onChange({ unit: e.target.value })} />
        )}
      </div>
      <div className="flex items-center gap-x-2">
        <Input size="small" className="w-40" placeholder="Group" aria-label={`Feature ${n} group`} value={row.group} onChange={(e) => onChange({ group: e.target.value })} />
        <div className="ml-auto flex gap-x-1">
          <IconButton size="small" variant="transparent" type="button" aria-label={`Move feature ${n} up`} disabled={n === 1} onClick={() => onMove(-1)}>
            <ArrowUpMini />
          </IconButton>
          <IconButton size="small" variant="transparent" type="button" aria-label={`Move feature ${n} down`} disabled={last} onClick={() => onMove(1)}>
            <ArrowDownMini />
          </IconButton>
          <IconButton size="small" variant="transparent" type="button" aria-label={`Remove feature ${n}`} onClick={onRemove}>
            <Trash />
          </IconButton>
        </div>
      </div>
    </div>
  )
}
