import { Input, Switch, Textarea } from "@medusajs/ui"
import { useState } from "react"
import type { SegmentFormValues } from "../../lib/form-values"
import { DrawerForm, Field, FormDrawer } from "../form-drawer"
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

type SegmentDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  submitLabel: string
  initial: SegmentFormValues
  identityOnly?: boolean
  submitting: boolean
  onSubmit: (values: SegmentFormValues) => void
}

export function SegmentDrawer({ open, onOpenChange, title, ...editor }: SegmentDrawerProps) {
  return (
    <FormDrawer open={open} onOpenChange={onOpenChange} title={title} testId="segment-drawer">
      <SegmentEditor {...editor} />
    </FormDrawer>
  )
}

function SegmentEditor({
  initial,
  identityOnly,
  submitLabel,
  submitting,
  onSubmit,
}: Omit<SegmentDrawerProps, "open" | "onOpenChange" | "title">) {
  const [values, setValues] = useState(initial)
  return (
    <DrawerForm submitLabel={submitLabel} submitting={submitting} onSubmit={() => onSubmit(values)}>
      <SegmentFields values={values} onChange={setValues} identityOnly={identityOnly} />
    </DrawerForm>
  )
}
