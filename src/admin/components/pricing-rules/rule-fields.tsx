import { Input, Label, RadioGroup, Select, Text } from "@medusajs/ui"
import { CheckboxItem, SwitchItem, toggled } from "../form-controls"
import { Field } from "../form-drawer"
import { KINDS, MONTHS, WEEKDAYS, type RuleFormValues, type RuleKind } from "../../lib/pricing-rules"
import type { Segment } from "../../../contract/admin"

/** A pricing rule's fields: the chosen kind's own, then percent, priority, switches and segments. */
export function RuleFields({ values, onChange, segments }: { values: RuleFormValues; onChange: (v: RuleFormValues) => void; segments: Segment[] }) {
  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) => onChange({ ...values, [key]: value })
  return (
    <>
      <Field id="rule-label" label="Label" hint="Shown to shoppers in the price breakdown.">
        <Input id="rule-label" value={values.label} onChange={(e) => set("label", e.target.value)} />
      </Field>
      <Field id="rule-kind" label="Kind" hint={KINDS.find((k) => k.value === values.kind)?.hint}>
        <Select value={values.kind} onValueChange={(v) => set("kind", v as RuleKind)}>
          <Select.Trigger id="rule-kind" data-testid="rule-kind">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {KINDS.map((kind) => (
              <Select.Item key={kind.value} value={kind.value}>
                {kind.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>

      {values.kind === "season" && <SeasonFields values={values} set={set} />}
      {(values.kind === "last_minute" || values.kind === "early_bird") && (
        <Field
          id="rule-days"
          label="Days"
          hint={
            values.kind === "last_minute"
              ? "Fires when the event is fewer than this many days from today (UTC)."
              : "Fires when the event is more than this many days from today (UTC)."
          }
        >
          <Input id="rule-days" type="number" value={values.days} onChange={(e) => set("days", e.target.value)} />
        </Field>
      )}
      {values.kind === "weekday" && (
        <div className="grid grid-cols-2 gap-2" role="group" aria-label="Weekdays">
          {WEEKDAYS.map((name, i) => (
            <CheckboxItem
              key={name}
              id={`rule-weekday-${i}`}
              label={name}
              checked={values.weekdays.includes(i)}
              onChange={(on) => set("weekdays", toggled(values.weekdays, i, on))}
            />
          ))}
        </div>
      )}

      <div className="grid grid-cols-2 gap-x-2">
        <Field id="rule-percent" label="Percent" hint="20 adds 20%, -15 takes 15% off.">
          <Input id="rule-percent" type="number" step="any" value={values.percent} onChange={(e) => set("percent", e.target.value)} />
        </Field>
        <Field id="rule-priority" label="Priority" hint="Lower applies first.">
          <Input id="rule-priority" type="number" value={values.priority} onChange={(e) => set("priority", e.target.value)} />
        </Field>
      </div>
      <SwitchItem
        id="rule-stackable"
        label="Stackable (later rules still apply when this one fires)"
        checked={values.stackable}
        onChange={(on) => set("stackable", on)}
      />
      <SwitchItem id="rule-active" label="Active" checked={values.is_active} onChange={(on) => set("is_active", on)} />
      {segments.length > 0 && (
        <div className="flex flex-col gap-y-2" role="group" aria-label="Segments">
          <Label size="small" weight="plus">
            Segments
          </Label>
          <Text size="xsmall" className="text-ui-fg-subtle">
            None ticked: the rule applies to every segment.
          </Text>
          {segments.map((segment) => (
            <CheckboxItem
              key={segment.id}
              id={`rule-segment-${segment.id}`}
              label={segment.name}
              checked={values.segment_ids.includes(segment.id)}
              onChange={(on) => set("segment_ids", toggled(values.segment_ids, segment.id, on))}
            />
          ))}
        </div>
      )}
    </>
  )
}

type SetField = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) => void

function SeasonFields({ values, set }: { values: RuleFormValues; set: SetField }) {
  return (
    <fieldset className="flex flex-col gap-y-3" data-testid="season-fields">
      <RadioGroup
        value={values.season_mode}
        onValueChange={(v) => set("season_mode", v as RuleFormValues["season_mode"])}
        className="flex gap-x-4"
        aria-label="Season by"
      >
        {[
          ["months", "Months"],
          ["range", "Date range"],
        ].map(([value, label]) => (
          <div key={value} className="flex items-center gap-x-2">
            <RadioGroup.Item value={value} id={`season-${value}`} />
            <Label htmlFor={`season-${value}`} size="small">
              {label}
            </Label>
          </div>
        ))}
      </RadioGroup>
      {values.season_mode === "months" ? (
        <div className="grid grid-cols-3 gap-2" role="group" aria-label="Months">
          {MONTHS.map((name, i) => (
            <CheckboxItem
              key={name}
              id={`rule-month-${i + 1}`}
              label={name}
              checked={values.months.includes(i + 1)}
              onChange={(on) => set("months", toggled(values.months, i + 1, on))}
            />
          ))}
        </div>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-x-2">
            <Field id="rule-start-date" label="Start date">
              <Input id="rule-start-date" type="date" value={values.start_date} onChange={(e) => set("start_date", e.target.value)} />
            </Field>
            <Field id="rule-end-date" label="End date">
              <Input id="rule-end-date" type="date" value={values.end_date} onChange={(e) => set("end_date", e.target.value)} />
            </Field>
          </div>
          <SwitchItem
            id="rule-repeats-yearly"
            label="Repeats every year (month and day only)"
            checked={values.repeats_yearly}
            onChange={(on) => set("repeats_yearly", on)}
          />
        </>
      )}
    </fieldset>
  )
}
