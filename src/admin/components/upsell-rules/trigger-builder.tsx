import { Plus, Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Label, RadioGroup, Select, Text } from "@medusajs/ui"
import {
  CONDITION_KINDS,
  conditionProblem,
  emptyCondition,
  formTrigger,
  triggerSummary,
  type ConditionKind,
  type ConditionRow,
  type Join,
  type SegmentNames,
  type TriggerForm,
} from "../../lib/upsell-rules"
import type { Segment } from "../../../contract/admin"
import { CheckboxItem, toggled } from "../form-controls"

// Radix Select items cannot carry an empty value.
const ANY_SEGMENT = "__any"

type TriggerBuilderProps = {
  value: TriggerForm
  onChange: (value: TriggerForm) => void
  segments: Segment[]
  segmentName: SegmentNames
  /** Show each incomplete row's problem (after a first submit). */
  showProblems: boolean
}

export function TriggerBuilder({ value, onChange, segments, segmentName, showProblems }: TriggerBuilderProps) {
  if (value.mode === "kept") {
    return (
      <div className="flex flex-col gap-y-2" data-testid="trigger-kept">
        <Label size="small" weight="plus">
          Trigger
        </Label>
        <Text size="small" data-testid="trigger-summary">
          {triggerSummary(value.trigger, segmentName)}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          This trigger has nested groups, made through the API. It is kept as it is when you save other changes.
        </Text>
        <div>
          <Button
            size="small"
            variant="secondary"
            type="button"
            onClick={() => onChange({ mode: "builder", join: "all", rows: [emptyCondition()] })}
          >
            Replace with new conditions
          </Button>
        </div>
      </div>
    )
  }

  const { join, rows } = value
  const setRows = (next: ConditionRow[]) => onChange({ ...value, rows: next })
  const setRow = (index: number, row: ConditionRow) => setRows(rows.map((r, i) => (i === index ? row : r)))

  return (
    <fieldset className="flex flex-col gap-y-3" data-testid="trigger-builder">
      <div className="flex items-center justify-between">
        <Label size="small" weight="plus">
          Trigger
        </Label>
        <RadioGroup
          value={join}
          onValueChange={(v) => onChange({ ...value, join: v as Join })}
          className="flex gap-x-4"
          aria-label="Conditions must"
        >
          {(
            [
              ["all", "All must hold (AND)"],
              ["any", "Any may hold (OR)"],
            ] as const
          ).map(([option, label]) => (
            <div key={option} className="flex items-center gap-x-2">
              <RadioGroup.Item value={option} id={`trigger-join-${option}`} />
              <Label htmlFor={`trigger-join-${option}`} size="small">
                {label}
              </Label>
            </div>
          ))}
        </RadioGroup>
      </div>
      {rows.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          No conditions: the rule fires for {join === "all" ? "every visitor" : "no visitor"}.
        </Text>
      )}
      {rows.map((row, index) => (
        <ConditionEditor
          key={index}
          index={index}
          row={row}
          segments={segments}
          problem={showProblems ? conditionProblem(row) : null}
          onChange={(next) => setRow(index, next)}
          onRemove={() => setRows(rows.filter((_, i) => i !== index))}
        />
      ))}
      <div className="flex items-center justify-between gap-x-4">
        <Button
          size="small"
          variant="secondary"
          type="button"
          onClick={() => setRows([...rows, emptyCondition()])}
          disabled={rows.length >= 20}
          data-testid="add-condition"
        >
          <Plus />
          Add condition
        </Button>
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="trigger-summary">
          Fires when {triggerSummary(formTrigger(value), segmentName)}
        </Text>
      </div>
    </fieldset>
  )
}

type ConditionEditorProps = {
  index: number
  row: ConditionRow
  segments: Segment[]
  problem: string | null
  onChange: (row: ConditionRow) => void
  onRemove: () => void
}

function ConditionEditor({ index, row, segments, problem, onChange, onRemove }: ConditionEditorProps) {
  const n = index + 1
  const set = <K extends keyof ConditionRow>(key: K, value: ConditionRow[K]) => onChange({ ...row, [key]: value })
  return (
    <div className="bg-ui-bg-subtle flex flex-col gap-y-2 rounded-md border px-3 py-2" data-testid={`condition-${n}`}>
      <div className="flex items-start gap-x-2">
        <div className="w-56 shrink-0">
          <Select value={row.kind} onValueChange={(v) => set("kind", v as ConditionKind)}>
            <Select.Trigger aria-label={`Condition ${n}`} data-testid={`condition-kind-${n}`}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {CONDITION_KINDS.map((kind) => (
                <Select.Item key={kind.value} value={kind.value}>
                  {kind.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-1 flex-wrap items-center gap-2">
          {row.kind === "viewing_tier" && (
            <>
              <div className="w-40">
                <Select value={row.segment || ANY_SEGMENT} onValueChange={(v) => set("segment", v === ANY_SEGMENT ? "" : v)}>
                  <Select.Trigger aria-label={`Segment of condition ${n}`} data-testid={`condition-segment-${n}`}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value={ANY_SEGMENT}>Any segment</Select.Item>
                    {row.segment && !segments.some((s) => s.handle === row.segment) && (
                      <Select.Item value={row.segment}>{row.segment}</Select.Item>
                    )}
                    {segments.map((segment) => (
                      <Select.Item key={segment.id} value={segment.handle}>
                        {segment.name}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
              <Input
                className="w-28"
                type="number"
                min={1}
                placeholder="Any level"
                aria-label={`Level of condition ${n}`}
                value={row.level}
                onChange={(e) => set("level", e.target.value)}
              />
            </>
          )}
          {row.kind === "addon_count" && (
            <Input
              className="w-28"
              type="number"
              min={0}
              aria-label={`Add-ons of condition ${n}`}
              value={row.count}
              onChange={(e) => set("count", e.target.value)}
            />
          )}
          {row.kind === "cart_subtotal" && (
            <Input
              className="w-36"
              type="number"
              min={0}
              step="any"
              aria-label={`Subtotal of condition ${n}`}
              value={row.amount}
              onChange={(e) => set("amount", e.target.value)}
            />
          )}
          {row.kind === "high_demand_date" && (
            <Text size="small" className="text-ui-fg-subtle">
              The visitor's event date is limited (high demand).
            </Text>
          )}
          {row.kind === "segment_in" && (
            <div className="flex flex-wrap gap-x-4 gap-y-1" role="group" aria-label={`Segments of condition ${n}`}>
              {segments.length === 0 && (
                <Text size="small" className="text-ui-fg-subtle">
                  No segments yet.
                </Text>
              )}
              {[...new Set([...segments.map((s) => s.handle), ...row.segments])].map((handle) => (
                <CheckboxItem
                  key={handle}
                  id={`condition-${n}-segment-${handle}`}
                  label={segments.find((s) => s.handle === handle)?.name ?? handle}
                  checked={row.segments.includes(handle)}
                  onChange={(on) => set("segments", toggled(row.segments, handle, on))}
                />
              ))}
            </div>
          )}
        </div>
        <IconButton size="small" variant="transparent" type="button" aria-label={`Remove condition ${n}`} onClick={onRemove}>
          <Trash />
        </IconButton>
      </div>
      {problem && (
        <Text size="xsmall" className="text-ui-fg-error" data-testid={`condition-problem-${n}`}>
          {problem}
        </Text>
      )}
    </div>
  )
}
