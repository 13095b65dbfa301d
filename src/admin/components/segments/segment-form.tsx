import { Input, Switch, Textarea } from "@medusajs/ui"
import type { SegmentFormValues } from "../../lib/form-values"
import { Field, ValuesDrawer, type ValuesDrawerProps } from "../form-drawer"

type SegmentFieldsProps = {
  values: SegmentFormValues
  onChange: (values: SegmentFormValues) => void
  /** A clone asks only for what must differ from its source. */
  identityOnly?: boolean
}

export function SegmentFields({ values, onChange, identityOnly }: SegmentFieldsProps) {
  const set = <K extends keyof SegmentFormValues>(key: K, value: SegmentFormValues[K]) =>
    onChange({ ...values, [key]: value })
  const input = (key: Exclude<keyof SegmentFormValues, "is_active">, type = "text") => (
    <Input
      id={`segment-${key}`}
      type={type}
      value={values[key]}
      onChange={(e) => set(key, e.target.value)}
    />
  )

  return (
    <>
      <Field id="segment-handle" label="Handle" hint="Lowercase letters, digits and dashes, e.g. signature.">
        {input("handle")}
      </Field>
      <Field id="segment-name" label="Name">
        {input("name")}
      </Field>
      {!identityOnly && (
        <>
          <Field id="segment-description" label="Description">
            <Textarea
              id="segment-description"
              rows={3}
              value={values.description}
              onChange={(e) => set("description", e.target.value)}
            />
          </Field>
          <Field id="segment-audience" label="Audience">
            {input("audience")}
          </Field>
          <div className="grid grid-cols-2 gap-x-4">
            <Field id="segment-price_min" label="Price from">
              {input("price_min", "number")}
            </Field>
            <Field id="segment-price_max" label="Price to">
              {input("price_max", "number")}
            </Field>
          </div>
          <div className="grid grid-cols-2 gap-x-4">
            <Field id="segment-rank" label="Rank">
              {input("rank", "number")}
            </Field>
            <Field id="segment-commission_percent" label="Commission %">
              {input("commission_percent", "number")}
            </Field>
          </div>
          <Field id="segment-image" label="Image URL">
            {input("image", "url")}
          </Field>
          <div className="flex items-center gap-x-2">
            <Switch
              id="segment-is_active"
              checked={values.is_active}
              onCheckedChange={(checked) => set("is_active", checked)}
            />
            <label htmlFor="segment-is_active" className="txt-compact-small text-ui-fg-base">
              Active
            </label>
          </div>
        </>
      )}
    </>
  )
}

type SegmentDrawerProps = Omit<ValuesDrawerProps<SegmentFormValues>, "testId" | "fields"> & { identityOnly?: boolean }

export function SegmentDrawer({ identityOnly, ...drawer }: SegmentDrawerProps) {
  return (
    <ValuesDrawer
      {...drawer}
      testId="segment-drawer"
      fields={(values, onChange) => <SegmentFields values={values} onChange={onChange} identityOnly={identityOnly} />}
    />
  )
}
