import { Input, Select, Switch } from "@medusajs/ui"
import type { TierFormValues } from "../lib/form-values"
import type { Segment } from "../../contract/admin"
import { Field, ValuesDrawer, type ValuesDrawerProps } from "./form-drawer"
import { FeatureRowsField } from "./features/feature-rows-field"
import { segmentRowSuggestions } from "../lib/feature-rows"

type TierFieldsProps = {
  values: TierFormValues
  onChange: (values: TierFormValues) => void
  /** When given, the tier's segment can be picked (assigning or moving a tier). */
  segments?: Segment[]
  /** The segment a new tier goes into, when it cannot be picked: its tiers' rows are offered. */
  segment?: Segment
}

export function TierFields({ values, onChange, segments, segment }: TierFieldsProps) {
  const set = <K extends keyof TierFormValues>(key: K, value: TierFormValues[K]) =>
    onChange({ ...values, [key]: value })

  return (
    <>
      {segments && (
        <Field id="tier-segment" label="Segment">
          <Select value={values.segment_id} onValueChange={(v) => set("segment_id", v)}>
            <Select.Trigger id="tier-segment" data-testid="tier-segment">
              <Select.Value placeholder="Choose a segment" />
            </Select.Trigger>
            <Select.Content>
              {segments.map((segment) => (
                <Select.Item key={segment.id} value={segment.id}>
                  {segment.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
      )}
      <Field id="tier-level" label="Level">
        <Input
          id="tier-level"
          type="number"
          value={values.level}
          onChange={(e) => set("level", e.target.value)}
        />
      </Field>
      <Field id="tier-name" label="Name">
        <Input id="tier-name" value={values.name} onChange={(e) => set("name", e.target.value)} />
      </Field>
      <FeatureRowsField
        rows={values.features}
        onChange={(rows) => set("features", rows)}
        suggestions={segmentRowSuggestions(segments?.find((s) => s.id === values.segment_id) ?? segment, values)}
      />
      <Field id="tier-max-guests" label="Max guests">
        <Input
          id="tier-max-guests"
          type="number"
          value={values.max_guests}
          onChange={(e) => set("max_guests", e.target.value)}
        />
      </Field>
      <Field id="tier-days" label="Days">
        <Input id="tier-days" type="number" min={1} max={14} value={values.days} onChange={(e) => set("days", e.target.value)} />
      </Field>
      <div className="flex items-center gap-x-2">
        <Switch
          id="tier-popular"
          checked={values.is_popular}
          onCheckedChange={(checked) => set("is_popular", checked)}
        />
        <label htmlFor="tier-popular" className="txt-compact-small text-ui-fg-base">
          Popular badge
        </label>
      </div>
    </>
  )
}

type TierDrawerProps = Omit<ValuesDrawerProps<TierFormValues>, "testId" | "fields"> & {
  segments?: Segment[]
  /** The segment a new tier goes into, when it cannot be picked: its tiers' rows are offered. */
  segment?: Segment
}

export function TierDrawer({ segments, segment, ...drawer }: TierDrawerProps) {
  return (
    <ValuesDrawer
      {...drawer}
      testId="tier-drawer"
      fields={(values, onChange) => <TierFields values={values} onChange={onChange} segments={segments} segment={segment} />}
    />
  )
}
