import { Input, Switch, Textarea } from "@medusajs/ui"
import type { SegmentFormValues } from "../../lib/form-values"
import { Field, ValuesDrawer, type ValuesDrawerProps } from "../form-drawer"
import { ImageUpload } from "../image-upload"

type SegmentFieldsProps = {
  values: SegmentFormValues
  onChange: (values: SegmentFormValues) => void
  /** A clone asks only for what must differ from its source. */
  identityOnly?: boolean
}

export function SegmentFields({ values, onChange, identityOnly }: SegmentFieldsProps) {
  const set = <K extends keyof SegmentFormValues>(key: K, value: SegmentFormValues[K]) =>
    onChange({ ...values, [key]: value })
  const field = (key: Exclude<keyof SegmentFormValues, "is_active">, label: string, type = "text", hint?: string) => (
    <Field id={`segment-${key}`} label={label} hint={hint}>
      <Input id={`segment-${key}`} type={type} value={values[key]} onChange={(e) => set(key, e.target.value)} />
    </Field>
  )

  return (
    <>
      {field("handle", "Handle", "text", "Lowercase letters, digits and dashes, e.g. signature.")}
      {field("name", "Name")}
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
          {field("audience", "Audience")}
          <div className="grid grid-cols-2 gap-x-4">
            {field("price_min", "Price from", "number")}
            {field("price_max", "Price to", "number")}
          </div>
          <div className="grid grid-cols-2 gap-x-4">
            {field("rank", "Rank", "number")}
            {field("commission_percent", "Commission %", "number")}
          </div>
          {field("image", "Image URL", "url")}
          <ImageUpload value={values.image} label="Upload image" onUploaded={(url) => set("image", url)} />
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
